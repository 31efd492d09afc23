package org.privatedomain.cdp.campaign.delivery;

/** What a channel reports about a message after it was sent. */
public enum ReceiptStatus {
    DELIVERED,
    FAILED,
    OPENED,
    CLICKED
}
