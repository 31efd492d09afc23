package org.privatedomain.cdp.segmentation.purchase;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandSettingsChanged;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.change.FactChanges.Touched;
import org.privatedomain.cdp.core.change.FactKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code segmentation.purchase_history}: per person, the days (in the brand's timezone, ascending) with a
 * qualifying order, and the running count and net amount of those orders up to each day. Computed whole on first
 * use; afterwards the persons whose orders late writes touched (new orders, refunds, merges) are recomputed, or
 * the whole brand again when they are many. Rules bring them up to date before they read them; a background
 * refresher keeps them close to it, so that a rule seldom waits for a whole computation. Settings that change
 * what qualifies (timezone, minimum amount) drop the brand's histories.
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
     * reading in a read-only one then see them).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureFresh(BrandContext brand) {
        refresh(brand, null);
    }

    /**
     * As {@link #ensureFresh}, for a background refresher: unless that means computing the histories whole while
     * the brand's orders were written in the last {@code quiet} (a load under way, which would only touch them
     * again). Answers whether they are now up to date.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean refreshUnlessLoading(BrandContext brand, Duration quiet) {
        return refresh(brand, clock.instant().minus(quiet));
    }

    /** Computes the histories whole only when no order was written after {@code quietSince} (if given). */
    private boolean refresh(BrandContext brand, Instant quietSince) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('purchase-history:' || :brand, 0))")
                .param("brand", brand.id()).query().singleRow();
        // taken before anything is read: a write it does not see is found in the journal next time, and one it
        // sees is among the touched persons read after it
        String snapshot = changes.snapshot();
        String stored = jdbc.sql("select db_snapshot from segmentation.purchase_history_state where brand_id = :brand")
                .param("brand", brand.id()).query(String.class).optional().orElse(null);
        Touched touched = stored == null ? Touched.TOO_MANY
                : changes.personsTouchedSince(brand.id(), stored, ANY_TIME, INCREMENTAL_LIMIT, FactKind.ORDER);
        if (touched.nobody()) {
            return true;
        }
        if (touched.tooMany() && quietSince != null) {
            Instant lastWrite = changes.lastChangeAt(brand.id(), FactKind.ORDER);
            if (lastWrite != null && lastWrite.isAfter(quietSince)) {
                return false;
            }
        }
        analytics.apply();
        Map<String, Object> params = new HashMap<>(Map.of("brand", brand.id(),
                "zone", brand.settings().timezone(), "minAmount", brand.settings().tiers().minQualifyingAmount()));
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
                        insert into segmentation.purchase_history_state (brand_id, computed_at, db_snapshot)
                        values (:brand, :now, :snapshot)
                        on conflict (brand_id) do update
                           set computed_at = excluded.computed_at, db_snapshot = excluded.db_snapshot
                        """)
                .param("brand", brand.id()).param("now", Timestamp.from(clock.instant()))
                .param("snapshot", snapshot).update();
        return true;
    }

    /** Histories computed under settings that no longer hold are dropped, in the transaction that changed them. */
    @EventListener
    void onSettingsChanged(BrandSettingsChanged changed) {
        jdbc.sql("delete from segmentation.purchase_history_state where brand_id = :brand")
                .param("brand", changed.brandId()).update();
        jdbc.sql("delete from segmentation.purchase_history where brand_id = :brand")
                .param("brand", changed.brandId()).update();
    }
}
