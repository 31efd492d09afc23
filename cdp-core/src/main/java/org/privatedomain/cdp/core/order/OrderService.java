package org.privatedomain.cdp.core.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.privatedomain.cdp.core.BulkCopy;
import org.privatedomain.cdp.core.WriteTransactions;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.member.MembersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Records orders once per order id, resolving the buyer (and a named sharer) to members. */
@Service
@Validated
public class OrderService {

    /**
     * The buyers of already recorded orders, by key. Lateral with limit 1: one lookup per key in the primary key
     * (order_id first). The brand is stated as an expression, so that no index leading with brand_id (the time
     * indexes) is a candidate: under statistics taken before the brand had orders, the planner would take one for
     * as cheap, and read all the brand's orders per key.
     */
    static final String BUYERS = """
            select wanted.id, o.member_id
              from unnest(:ids::varchar[]) as wanted(id)
              cross join lateral (select o.member_id from core.orders o
                                   where o.order_id = wanted.id and o.brand_id + 0 = :brand limit 1) o
            """;

    private final BrandService brands;
    private final MemberService members;
    private final WriteTransactions writing;
    private final BulkCopy copying;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    OrderService(BrandService brands, MemberService members, WriteTransactions writing, BulkCopy copying,
            JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.writing = writing;
        this.copying = copying;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the order. Its identities resolve to the buyer like any record's (and may merge persons). A resent
     * order id updates paid time, amount, status, refund, channel, referral and lines; the buyer stays who it was.
     */
    public RecordedOrder record(String brandCode, @Valid @NotNull NewOrder order) {
        check(order);
        BrandContext brand = brands.context(brandCode);
        return writing.run(() -> recordAll(brand, List.of(order)).getFirst());
    }

    /**
     * Checks what bean validation cannot: that the refund fits the status and amount, and that the buyer's and
     * sharer's identities can be stored. Throws an {@link org.privatedomain.cdp.core.error.InvalidInputException}
     * naming the first fault.
     */
    public static void check(NewOrder order) {
        refundOf(order);
        MemberService.requireValid(order.identities());
        if (order.referral() != null && order.referral().sharer() != null) {
            MemberService.requireValid(List.of(order.referral().sharer()));
        }
    }

    /**
     * Records {@link #check checked} orders within the caller's write transaction, with a few set-based
     * statements for all of them, and answers for each in order, as if they were recorded one after the other:
     * a later line with the id of an earlier one updates it. A resent order that changes nothing is a duplicate
     * and leaves the row, {@code updated_at} included, as it was.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RecordedOrder> recordAll(BrandContext brand, List<NewOrder> orders) {
        List<List<Identity>> records = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<Integer> sharerRecord = new ArrayList<>();
        orders.forEach(order -> {
            records.add(order.identities());
            causes.add("order:" + order.orderId());
        });
        orders.forEach(order -> {
            Identity sharer = order.referral() == null ? null : order.referral().sharer();
            sharerRecord.add(sharer == null ? -1 : records.size());
            if (sharer != null) {
                records.add(List.of(sharer));
                causes.add("order:" + order.orderId());
            }
        });
        long[] resolved = members.resolveAll(brand, records, causes);

        // Rounds of distinct ids: the n-th occurrence of an id goes in round n, so a later line updates an earlier.
        Map<String, Integer> occurrences = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            int round = occurrences.merge(orders.get(i).orderId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        RecordedOrder[] recorded = new RecordedOrder[orders.size()];
        Timestamp now = Timestamp.from(clock.instant());
        rounds.forEach(round -> recordRound(brand.id(), orders, round, resolved, sharerRecord, now, recorded));
        return List.of(recorded);
    }

    @EventListener
    void moveOrders(MembersMerged merged) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update core.orders set member_id = :survivor, updated_at = :now
                         where brand_id = :brand and member_id = :merged
                        """)
                .param("survivor", merged.survivorId()).param("brand", merged.brandId())
                .param("merged", merged.mergedMemberId()).param("now", now).update();
        jdbc.sql("""
                        update core.orders set referral_member_id = :survivor, updated_at = :now
                         where brand_id = :brand and referral_member_id = :merged
                        """)
                .param("survivor", merged.survivorId()).param("brand", merged.brandId())
                .param("merged", merged.mergedMemberId()).param("now", now).update();
    }

    /**
     * Records one round (distinct ids): new ids are copied in (COPY, see BulkCopy), cheaper than an insert and
     * than INSERT ... ON CONFLICT per row (an id a concurrent writer inserted meanwhile fails it with a duplicate
     * key, and the write runs again, see WriteTransactions); known ids are updated where the line changes them.
     * Answers each line in {@code recorded}; a known order keeps its buyer.
     */
    private void recordRound(long brandId, List<NewOrder> orders, List<Integer> round, long[] resolved,
            List<Integer> sharerRecord, Timestamp now, RecordedOrder[] recorded) {
        Map<String, Long> buyerOf = buyersOf(brandId, round.stream().map(i -> orders.get(i).orderId()).toList());
        Map<Boolean, List<Integer>> byKnown = round.stream()
                .collect(Collectors.partitioningBy(i -> buyerOf.containsKey(orders.get(i).orderId())));
        String received = now.toInstant().toString();
        copying.copy("""
                        copy core.orders (brand_id, order_id, member_id, paid_at, amount, refunded_amount, status,
                                          channel, referral_share_id, referral_member_id, items, received_at,
                                          updated_at)
                        from stdin
                        """, byKnown.get(false), (i, line) -> {
                    NewOrder order = orders.get(i);
                    line.number(brandId).text(order.orderId()).number(resolved[i]).text(order.paidAt().toString())
                            .text(order.amount().toPlainString()).text(refundOf(order).toPlainString())
                            .text(order.status().name()).text(order.channel())
                            .text(order.referral() == null ? null : order.referral().shareId())
                            .number(sharerRecord.get(i) < 0 ? null : resolved[sharerRecord.get(i)])
                            .text(order.items() == null ? null : json.writeValueAsString(order.items()))
                            .text(received).text(received);
                });
        Set<String> changed = byKnown.get(true).isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
                        update core.orders o
                           set paid_at = t.paid_at, amount = t.amount, refunded_amount = t.refunded, status = t.status,
                               channel = t.channel, referral_share_id = t.share_id, referral_member_id = t.sharer,
                               items = t.items, updated_at = :now
                          from unnest(:ids::varchar[], :paidAt::timestamptz[], :amounts::numeric[],
                                      :refunded::numeric[], :statuses::varchar[], :channels::varchar[],
                                      :shareIds::varchar[], :sharers::bigint[], :items::jsonb[])
                               as t(order_id, paid_at, amount, refunded, status, channel, share_id, sharer, items)
                          -- each row found by its key and locked, then updated by its ctid: a condition on the
                          -- brand's rows here is planned as a scan of all of them while the statistics lag behind
                          -- a growing brand; the brand as an expression, so that only the key's index can serve
                          cross join lateral (select x.ctid as row_id from core.orders x
                                               where x.order_id = t.order_id and x.brand_id + 0 = :brand
                                               limit 1 for no key update) found
                         where o.ctid = found.row_id
                           and (o.paid_at, o.amount, o.refunded_amount, o.status, o.channel, o.referral_share_id,
                                o.referral_member_id, o.items)
                               is distinct from
                               (t.paid_at, t.amount, t.refunded, t.status, t.channel, t.share_id, t.sharer, t.items)
                        returning o.order_id
                        """)
                .params(columns(brandId, now, orders, byKnown.get(true), resolved, sharerRecord))
                .query(String.class)
                .list());
        for (int i : round) {
            String id = orders.get(i).orderId();
            Long buyer = buyerOf.get(id);
            recorded[i] = buyer == null ? new RecordedOrder(id, resolved[i], false, false)
                    : new RecordedOrder(id, buyer, changed.contains(id), !changed.contains(id));
        }
    }

    /** The lines {@code rows} of {@code orders} as array parameters, one array per column. */
    private Map<String, Object> columns(long brandId, Timestamp now, List<NewOrder> orders, List<Integer> rows,
            long[] resolved, List<Integer> sharerRecord) {
        int n = rows.size();
        String[] ids = new String[n];
        String[] paidAt = new String[n];
        String[] amounts = new String[n];
        String[] refunded = new String[n];
        String[] statuses = new String[n];
        String[] channels = new String[n];
        String[] shareIds = new String[n];
        Long[] sharers = new Long[n];
        String[] items = new String[n];
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            NewOrder order = orders.get(i);
            ids[k] = order.orderId();
            paidAt[k] = order.paidAt().toString();
            amounts[k] = order.amount().toPlainString();
            refunded[k] = refundOf(order).toPlainString();
            statuses[k] = order.status().name();
            channels[k] = order.channel();
            shareIds[k] = order.referral() == null ? null : order.referral().shareId();
            sharers[k] = sharerRecord.get(i) < 0 ? null : resolved[sharerRecord.get(i)];
            items[k] = order.items() == null ? null : json.writeValueAsString(order.items());
        }
        return Map.ofEntries(Map.entry("brand", brandId), Map.entry("now", now), Map.entry("ids", ids),
                Map.entry("paidAt", paidAt), Map.entry("amounts", amounts),
                Map.entry("refunded", refunded), Map.entry("statuses", statuses), Map.entry("channels", channels),
                Map.entry("shareIds", shareIds), Map.entry("sharers", sharers), Map.entry("items", items));
    }

    private Map<String, Long> buyersOf(long brandId, List<String> orderIds) {
        Map<String, Long> buyers = new HashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.sql(BUYERS)
                    .param("brand", brandId).param("ids", orderIds.toArray(String[]::new))
                    .query((rs, row) -> buyers.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return buyers;
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
