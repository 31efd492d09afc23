package org.privatedomain.cdp.segmentation.purchase;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.change.FactChanges.Touched;
import org.privatedomain.cdp.core.change.FactKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code segmentation.purchase_history}: per person, the days (in the brand's timezone, ascending) with a
 * qualifying order, and the running count and net amount of those orders up to each day. Computed whole on first
 * use; afterwards the persons whose orders late writes touched (new orders, refunds, merges) are recomputed, or
 * the whole brand again when they are many, or when they were computed under other settings (timezone, minimum
 * amount). Rules bring them up to date before they read them; a background refresher keeps those of the brands
 * using them close to it, so that a rule seldom finds a whole computation to make.
 */
@Component
public class PurchaseHistories {

    /** Up to this many persons touched since the last refresh are recomputed alone; beyond, the brand whole. */
    static final int INCREMENTAL_LIMIT = 50_000;

    /** Orders of any time touch a history: the journal is asked about writes before this instant. */
    private static final Instant ANY_TIME = Instant.parse("9999-01-01T00:00:00Z");

    private static final String INSERT = """
            insert into segmentation.purchase_history (brand_id, member_id, days, orders, net_amounts)
            select :brand, member_id, array_agg(day order by day), array_agg(orders order by day),
                   array_agg(net_amount order by day)
              from (select member_id, day, cast(sum(count(*)) over person as integer) as orders,
                           sum(sum(net_amount)) over person as net_amount
                      from (select o.member_id, cast(o.paid_at at time zone :zone as date) as day,
                                   o.amount - o.refunded_amount as net_amount
                              from core.orders o
                             where o.brand_id = :brand%s
                               and o.status in ('PAID', 'PARTIALLY_REFUNDED')
                               and o.amount - o.refunded_amount > :minAmount) qualifying
                     group by member_id, day
                    window person as (partition by member_id order by day)) daily
             group by member_id
            """;

    private final JdbcClient jdbc;
    private final FactChanges changes;
    private final AnalyticsSettings analytics;
    private final Clock clock;

    PurchaseHistories(JdbcClient jdbc, FactChanges changes, AnalyticsSettings analytics, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.analytics = analytics;
        this.clock = clock;
    }

    /**
     * Brings the brand's histories up to date with every committed order, in a transaction of its own (callers
     * reading in a read-only one then see them). Answers false, at once, when another caller is refreshing them:
     * rather than wait (a whole computation takes 20 s at 1M persons), the caller reads the orders themselves.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean ensureFresh(BrandContext brand) {
        return locked(brand) && refresh(brand, null, true);
    }

    /**
     * As {@link #ensureFresh}, for callers that would read the orders instead rather than wait for the histories
     * to be computed whole: answers false when the brand keeps none, or when they would be computed whole.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean refreshIfIncremental(BrandContext brand) {
        return locked(brand) && refresh(brand, null, false);
    }

    /**
     * As {@link #ensureFresh}, for a background refresher: unless that means computing the histories whole while
     * the brand's orders were written in the last {@code quiet} (a load under way, which would only touch them
     * again). Answers whether they are now up to date.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean refreshUnlessLoading(BrandContext brand, Duration quiet) {
        return locked(brand) && refresh(brand, quiet, true);
    }

    /**
     * Whether the histories hold every order the calling transaction's next statements see: kept under the
     * brand's settings, and no order written since their last refresh that it did not see. Asks, never refreshes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean upToDate(BrandContext brand) {
        String stored = storedSnapshot(brand);
        return stored != null && !changes.touchedSince(brand.id(), stored, ANY_TIME, FactKind.ORDER);
    }

    /** The brands whose histories are kept: those a rule has used since the tables were last emptied. */
    public List<Long> brandsKept() {
        return jdbc.sql("select brand_id from segmentation.purchase_history_state order by brand_id")
                .query(Long.class).list();
    }

    /**
     * The database snapshot the brand's histories were last brought up to; null when it keeps none, or computed
     * them under other settings (a settings change committed while they were being computed).
     */
    private String storedSnapshot(BrandContext brand) {
        return jdbc.sql("""
                        select db_snapshot from segmentation.purchase_history_state
                         where brand_id = :brand and timezone = :zone and min_qualifying_amount = :minAmount
                        """)
                .param("brand", brand.id()).param("zone", brand.settings().timezone())
                .param("minAmount", brand.settings().tiers().minQualifyingAmount())
                .query(String.class).optional().orElse(null);
    }

    private boolean locked(BrandContext brand) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('purchase-history:' || :brand, 0))")
                .param("brand", brand.id()).query(Boolean.class).single();
    }

    /**
     * Computes the histories whole only when {@code whole} allows, and no order was written within {@code quiet}
     * (if given).
     */
    private boolean refresh(BrandContext brand, Duration quiet, boolean whole) {
        // taken before anything is read: a write it does not see is found in the journal next time, and one it
        // sees is among the touched persons read after it
        String snapshot = changes.snapshot();
        String zone = brand.settings().timezone();
        BigDecimal minAmount = brand.settings().tiers().minQualifyingAmount();
        String stored = storedSnapshot(brand);
        Touched touched = stored == null ? Touched.TOO_MANY
                : changes.personsTouchedSince(brand.id(), stored, ANY_TIME, INCREMENTAL_LIMIT, FactKind.ORDER);
        if (touched.nobody()) {
            // checked fresh as of this snapshot: so the journal need not keep what the old one missed
            jdbc.sql("""
                            update segmentation.purchase_history_state set db_snapshot = :snapshot
                             where brand_id = :brand and db_snapshot = :checked
                            """)
                    .param("brand", brand.id()).param("snapshot", snapshot).param("checked", stored).update();
            return true;
        }
        if (touched.tooMany()
                && (!whole || quiet != null && changes.changedWithin(brand.id(), quiet, FactKind.ORDER))) {
            return false;
        }
        analytics.apply();
        Map<String, Object> params = new HashMap<>(Map.of("brand", brand.id(), "zone", zone, "minAmount", minAmount));
        if (touched.tooMany()) {
            jdbc.sql("delete from segmentation.purchase_history where brand_id = :brand").params(params).update();
            jdbc.sql(INSERT.formatted("")).params(params).update();
            // queries joining the histories right away are otherwise planned for an empty table
            jdbc.sql("analyze segmentation.purchase_history").update();
        } else {
            params.put("persons", touched.persons());
            jdbc.sql("delete from segmentation.purchase_history where brand_id = :brand and member_id = any(:persons)")
                    .params(params).update();
            jdbc.sql(INSERT.formatted(" and o.member_id = any(:persons)")).params(params).update();
        }
        jdbc.sql("""
                        insert into segmentation.purchase_history_state
                               (brand_id, computed_at, db_snapshot, timezone, min_qualifying_amount)
                        values (:brand, :now, :snapshot, :zone, :minAmount)
                        on conflict (brand_id) do update
                           set computed_at = excluded.computed_at, db_snapshot = excluded.db_snapshot,
                               timezone = excluded.timezone, min_qualifying_amount = excluded.min_qualifying_amount
                        """)
                .params(params).param("now", Timestamp.from(clock.instant())).param("snapshot", snapshot).update();
        return true;
    }
}
