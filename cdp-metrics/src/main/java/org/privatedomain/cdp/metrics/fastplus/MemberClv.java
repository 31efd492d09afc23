package org.privatedomain.cdp.metrics.fastplus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A person's CLV at {@code at}: own value, propagation value and their sum, with the orders that make up the
 * propagation value (the first 1,000 by paid time; {@code propagationOrderCount} counts them all).
 */
public record MemberClv(long memberId, Instant at, BigDecimal own, BigDecimal propagation, BigDecimal clv,
        long propagationOrderCount, List<PropagationOrder> propagationOrders) {

    /** An order another person placed through this person's share or naming them. */
    public record PropagationOrder(String orderId, long buyerId, Instant paidAt, BigDecimal net) {
    }
}
