package org.privatedomain.cdp.campaign.delivery;

import java.util.List;

/** Receipts recorded now, those known before (a resend), and the keys of no message of the brand. */
public record ReceiptResult(int recorded, int duplicate, List<String> unknownKeys) {
}
