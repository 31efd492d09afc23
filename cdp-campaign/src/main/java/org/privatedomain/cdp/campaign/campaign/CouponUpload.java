package org.privatedomain.cdp.campaign.campaign;

/** Codes added to a campaign's pool by one upload, codes it held already, and the pool's size after. */
public record CouponUpload(int added, int duplicate, long pool) {
}
