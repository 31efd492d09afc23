package org.privatedomain.cdp.metrics.fastplus;

import java.sql.Timestamp;
import org.privatedomain.cdp.core.brand.BrandSettingsChanged;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.change.FactKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stored FAST+ entries per period, with the database snapshot each was computed from. */
@Component
class FastPlusStore {

    private final JdbcClient jdbc;
    private final FactChanges changes;
    private final JsonMapper json;

    FastPlusStore(JdbcClient jdbc, FactChanges changes, JsonMapper json) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.json = json;
    }

    /**
     * The stored entry if no write its snapshot missed touched the period; null otherwise. A fresh entry's snapshot
     * moves forward to this check's, so that the journal need not keep what the old one missed.
     */
    @Transactional
    public FastPlusEntry fresh(long brandId, String periodId) {
        String snapshot = changes.snapshot();
        Stored stored = jdbc.sql("""
                        select entry::text, db_snapshot from metrics.fast_plus_period
                         where brand_id = :brand and period_id = :period
                        """)
                .param("brand", brandId).param("period", periodId)
                .query((rs, row) -> new Stored(json.readValue(rs.getString(1), FastPlusEntry.class), rs.getString(2)))
                .optional().orElse(null);
        if (stored == null || changes.touchedSince(brandId, stored.snapshot(), stored.entry().end(), FactKind.values())) {
            return null;
        }
        jdbc.sql("""
                        update metrics.fast_plus_period set db_snapshot = :snapshot
                         where brand_id = :brand and period_id = :period and db_snapshot = :checked
                        """)
                .param("brand", brandId).param("period", periodId).param("snapshot", snapshot)
                .param("checked", stored.snapshot()).update();
        return stored.entry();
    }

    /** The database snapshot to compute from: taken before anything is read, so a later write marks it stale. */
    @Transactional(readOnly = true)
    public String snapshot() {
        return changes.snapshot();
    }

    @Transactional
    public void save(long brandId, FastPlusEntry entry, String snapshot) {
        jdbc.sql("""
                        insert into metrics.fast_plus_period
                               (brand_id, period_id, starts_at, ends_at, entry, computed_at, db_snapshot)
                        values (:brand, :period, :start, :end, cast(:entry as jsonb), :computedAt, :snapshot)
                        on conflict (brand_id, period_id) do update
                           set starts_at = excluded.starts_at, ends_at = excluded.ends_at, entry = excluded.entry,
                               computed_at = excluded.computed_at, db_snapshot = excluded.db_snapshot
                        """)
                .param("brand", brandId).param("period", entry.period())
                .param("start", Timestamp.from(entry.start())).param("end", Timestamp.from(entry.end()))
                .param("entry", json.writeValueAsString(entry))
                .param("computedAt", Timestamp.from(entry.computedAt())).param("snapshot", snapshot)
                .update();
    }

    /** Entries computed under settings that no longer hold are dropped with the change. */
    @EventListener
    void onSettingsChanged(BrandSettingsChanged changed) {
        jdbc.sql("delete from metrics.fast_plus_period where brand_id = :brand")
                .param("brand", changed.brandId()).update();
    }

    private record Stored(FastPlusEntry entry, String snapshot) {
    }
}
