package org.privatedomain.cdp.core.order;

public enum OrderStatus {
    PAID,
    REFUNDED,
    PARTIALLY_REFUNDED
}
