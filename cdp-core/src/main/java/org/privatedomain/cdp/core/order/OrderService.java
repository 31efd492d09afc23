package org.privatedomain.cdp.core.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.privatedomain.cdp.core.WriteTransactions;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.member.MembersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Records orders once per order id, resolving the buyer (and a named sharer) to members. */
@Service
@Validated
public class OrderService {

    private final BrandService brands;
    private final MemberService members;
    private final WriteTransactions writing;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    OrderService(BrandService brands, MemberService members, WriteTransactions writing, JdbcClient jdbc,
            JsonMapper json, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.writing = writing;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the order. Its identities resolve to the buyer like any record's (and may merge persons). A resent
     * order id updates paid time, amount, status, refund, channel, referral and lines; the buyer stays who it was.
     */
    public RecordedOrder record(String brandCode, @Valid @NotNull NewOrder order) {
        BigDecimal refunded = refundOf(order);
        BrandContext brand = brands.context(brandCode);
        return writing.run(() -> {
            String cause = "order:" + order.orderId();
            long buyer = members.resolve(brand, order.identities(), cause);
            Long sharer = order.referral() == null || order.referral().sharer() == null ? null
                    : members.resolve(brand, List.of(order.referral().sharer()), cause);
            Timestamp now = Timestamp.from(clock.instant());
            record Upserted(long memberId, boolean inserted) {
            }
            Upserted upserted = jdbc.sql("""
                            insert into core.orders (brand_id, order_id, member_id, paid_at, amount, refunded_amount,
                                                     status, channel, referral_share_id, referral_member_id, items,
                                                     received_at, updated_at)
                            values (:brand, :order, :buyer, :paidAt, :amount, :refunded, :status, :channel, :shareId,
                                    :sharer, :items::jsonb, :now, :now)
                            on conflict (brand_id, order_id) do update
                               set paid_at = excluded.paid_at, amount = excluded.amount,
                                   refunded_amount = excluded.refunded_amount, status = excluded.status,
                                   channel = excluded.channel, referral_share_id = excluded.referral_share_id,
                                   referral_member_id = excluded.referral_member_id, items = excluded.items,
                                   updated_at = excluded.updated_at
                            returning member_id, (xmax = 0) as inserted
                            """)
                    .param("brand", brand.id())
                    .param("order", order.orderId())
                    .param("buyer", buyer)
                    .param("paidAt", order.paidAt())
                    .param("amount", order.amount())
                    .param("refunded", refunded)
                    .param("status", order.status().name())
                    .param("channel", order.channel())
                    .param("shareId", order.referral() == null ? null : order.referral().shareId())
                    .param("sharer", sharer)
                    .param("items", order.items() == null ? null : json.writeValueAsString(order.items()))
                    .param("now", now)
                    .query((rs, row) -> new Upserted(rs.getLong(1), rs.getBoolean(2)))
                    .single();
            return new RecordedOrder(order.orderId(), upserted.memberId(), !upserted.inserted());
        });
    }

    @EventListener
    void moveOrders(MembersMerged merged) {
        jdbc.sql("update core.orders set member_id = :survivor where brand_id = :brand and member_id = :merged")
                .param("survivor", merged.survivorId()).param("brand", merged.brandId())
                .param("merged", merged.mergedMemberId()).update();
        jdbc.sql("""
                        update core.orders set referral_member_id = :survivor
                         where brand_id = :brand and referral_member_id = :merged
                        """)
                .param("survivor", merged.survivorId()).param("brand", merged.brandId())
                .param("merged", merged.mergedMemberId()).update();
    }

    private static BigDecimal refundOf(NewOrder order) {
        BigDecimal refunded = order.refundedAmount() != null ? order.refundedAmount()
                : order.status() == OrderStatus.REFUNDED ? order.amount() : BigDecimal.ZERO;
        boolean consistent = switch (order.status()) {
            case PAID -> refunded.signum() == 0;
            case REFUNDED -> refunded.compareTo(order.amount()) == 0;
            case PARTIALLY_REFUNDED -> refunded.signum() > 0 && refunded.compareTo(order.amount()) < 0;
        };
        if (!consistent) {
            throw new InvalidOrderException("refundedAmount " + refunded + " does not fit status " + order.status()
                    + " of an order of " + order.amount() + ": PAID refunds nothing, REFUNDED all of it, "
                    + "PARTIALLY_REFUNDED more than 0 and less than the amount.");
        }
        return refunded;
    }
}
