package org.privatedomain.cdp.segmentation.tier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.change.FactKind;
import org.privatedomain.cdp.core.change.FactChanges.Touched;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.brand.BrandSettingsChanged;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each period's tiers as a snapshot: computed on first use, served from storage while nothing touched the
 * period; when late data did (for the current period, any data), the persons it touched are recomputed, or the
 * whole period when they are many. Two callers wanting the same period wait for one computation.
 */
@Component
class TierSnapshots {

    /**
     * Up to this many persons touched by late writes, a stored period recomputes them alone; beyond, it recomputes
     * whole. Measured at 1M persons: see docs/benchmarks.md.
     */
    static final int INCREMENTAL_LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final SnapshotTables tables;
    private final PurchaseHistories purchases;
    private final FactChanges changes;
    private final AnalyticsSettings analytics;
    private final Clock clock;

    TierSnapshots(JdbcClient jdbc, SnapshotTables tables, PurchaseHistories purchases, FactChanges changes,
            AnalyticsSettings analytics, Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.purchases = purchases;
        this.changes = changes;
        this.analytics = analytics;
        this.clock = clock;
    }

    /**
     * Makes sure the period's snapshot is fresh; answers when it was computed. In a transaction of its own, so
     * that a caller reading in a read-only transaction (a segment preview) can have it made. Read committed on
     * purpose: after waiting for another caller's computation it sees that computation. The snapshot recorded is
     * taken before anything is read, so a write committing in between makes the result look stale, never fresh.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Stored ensureFresh(BrandContext brand, Period period) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('tiers:' || :brand || ':' || :period, 0))")
                .param("brand", brand.id()).param("period", period.id()).query().singleRow();
        analytics.apply();
        // taken before anything is read: a write it does not see is found in the journal next time, and one it
        // sees is among the touched persons read after it
        String snapshot = changes.snapshot();
        Stored stored = stored(brand.id(), period.id());
        if (stored == null) {
            return compute(brand, period, snapshot);
        }
        Touched touched = changes.personsTouchedSince(brand.id(), stored.dbSnapshot(), period.end(),
                INCREMENTAL_LIMIT, FactKind.values());
        if (touched.nobody()) {
            // checked fresh as of this snapshot: so the journal need not keep what the old one missed
            jdbc.sql("""
                            update segmentation.tier_period set db_snapshot = :snapshot
                             where brand_id = :brand and period_id = :period and db_snapshot = :checked
                            """)
                    .param("brand", brand.id()).param("period", period.id()).param("snapshot", snapshot)
                    .param("checked", stored.dbSnapshot()).update();
            return stored;
        }
        return touched.tooMany() ? compute(brand, period, snapshot)
                : recompute(brand, period, touched.persons(), snapshot);
    }

    private Stored compute(BrandContext brand, Period period, String snapshot) {
        jdbc.sql("delete from segmentation.tier_period where brand_id = :brand and period_id = :period")
                .param("brand", brand.id()).param("period", period.id()).update();
        Stored stored = new Stored(period.id(), persons(brand.id(), period),
                clock.instant().truncatedTo(ChronoUnit.MICROS), snapshot);
        jdbc.sql("""
                        insert into segmentation.tier_period
                               (brand_id, period_id, starts_at, ends_at, persons, computed_at, db_snapshot)
                        values (:brand, :period, :start, :end, :persons, :computedAt, :snapshot)
                        """)
                .param("brand", brand.id()).param("period", period.id())
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .param("persons", stored.persons()).param("computedAt", Timestamp.from(stored.computedAt()))
                .param("snapshot", snapshot).update();
        // up to date after this transaction's snapshot was taken: they hold every order it sees
        String tiers = purchases.upToDate(brand) ? TierQuery.FROM_HISTORIES : TierQuery.ALL;
        tables.replace(brand.id(), period, tiers, TierQuery.params(brand, period, null));
        return stored;
    }

    /** Recomputes the tiers of some persons only, those late writes touched; the others' cannot have changed. */
    private Stored recompute(BrandContext brand, Period period, Long[] persons, String snapshot) {
        jdbc.sql("""
                        delete from segmentation.tier_snapshot
                         where brand_id = :brand and period_id = :period and member_id = any(:members)
                        """)
                .param("brand", brand.id()).param("period", period.id()).param("members", persons).update();
        Map<String, Object> params = TierQuery.params(brand, period, persons);
        params.put("period", period.id());
        jdbc.sql("""
                        insert into segmentation.tier_snapshot (brand_id, period_id, member_id, tier,
                                member_purchase_days, propagations, purchasing_non_member)
                        select :brand, :period, t.* from (%s) t
                        """.formatted(TierQuery.SOME)).params(params).update();
        Stored stored = new Stored(period.id(), persons(brand.id(), period),
                clock.instant().truncatedTo(ChronoUnit.MICROS), snapshot);
        jdbc.sql("""
                        update segmentation.tier_period
                           set persons = :persons, computed_at = :computedAt, db_snapshot = :snapshot
                         where brand_id = :brand and period_id = :period
                        """)
                .param("brand", brand.id()).param("period", period.id()).param("persons", stored.persons())
                .param("computedAt", Timestamp.from(stored.computedAt())).param("snapshot", snapshot).update();
        return stored;
    }

    /**
     * The persons of the brand in the period: every person not merged away, nor erased before the period began.
     * A person first seen later still counts: the platform keeps no "first seen" time per person.
     */
    long persons(long brandId, Period period) {
        return jdbc.sql("""
                        select count(*) from core.member
                         where brand_id = :brand and merged_into is null
                           and (erased_at is null or erased_at > :start)
                        """)
                .param("brand", brandId).param("start", Timestamp.from(period.start()))
                .query(Long.class).single();
    }

    private Stored stored(long brandId, String periodId) {
        return jdbc.sql("""
                        select period_id, persons, computed_at, db_snapshot from segmentation.tier_period
                         where brand_id = :brand and period_id = :period
                        """)
                .param("brand", brandId).param("period", periodId)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional().orElse(null);
    }

    /** A stored period: its persons (for NONE), and when and from what it was computed. */
    record Stored(String periodId, long persons, Instant computedAt, String dbSnapshot) {
    }

    /** Results computed under settings that no longer hold are dropped, in the transaction that changed them. */
    @EventListener
    void onSettingsChanged(BrandSettingsChanged changed) {
        jdbc.sql("delete from segmentation.tier_period where brand_id = :brand").param("brand", changed.brandId()).update();
        tables.dropBrand(changed.brandId());
    }
}
