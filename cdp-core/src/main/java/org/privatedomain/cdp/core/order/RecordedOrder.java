package org.privatedomain.cdp.core.order;

/**
 * The outcome of one order: {@code updated} when its id was recorded before and this changed it,
 * {@code duplicate} when its id was recorded before exactly so (nothing changed).
 */
public record RecordedOrder(String orderId, long memberId, boolean updated, boolean duplicate) {
}
