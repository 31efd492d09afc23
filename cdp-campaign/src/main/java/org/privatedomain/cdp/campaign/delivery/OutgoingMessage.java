package org.privatedomain.cdp.campaign.delivery;

/** One claimed message, as a channel adapter sends it. */
record OutgoingMessage(long brandId, long id, long campaignId, long memberId, String idempotencyKey,
        Channel channel, String content, String coupon, int attempt) {
}
