package org.privatedomain.cdp.campaign.delivery;

import java.time.Instant;
import java.util.List;

/** One message of a campaign and what became of it (the content, which holds personal data, is left out). */
public record MessageView(long id, long memberId, String occurrence, String idempotencyKey, Channel channel,
        String state, String skipReason, String coupon, int attempts, Instant dueAt, Instant sentAt,
        String lastError, List<ReceiptStatus> receipts) {
}
