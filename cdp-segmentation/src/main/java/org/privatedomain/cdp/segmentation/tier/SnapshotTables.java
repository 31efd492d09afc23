package org.privatedomain.cdp.segmentation.tier;

import java.util.HashMap;
import java.util.Map;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.segmentation.DerivedTables;
import org.springframework.stereotype.Component;

/**
 * The tables behind segmentation.tier_snapshot: one partition per brand, and in it one table per period, which a
 * whole computation replaces ({@link DerivedTables}). Their names are made from the brand's and the period's ids.
 */
@Component
class SnapshotTables {

    private final DerivedTables tables;

    SnapshotTables(DerivedTables tables) {
        this.tables = tables;
    }

    /** Replaces the period's table with the rows of {@code tiers}, a query of TierQuery's columns. */
    void replace(long brandId, Period period, String tiers, Map<String, Object> params) {
        String brandTable = brandTable(brandId);
        tables.ensurePartition("tier_snapshot", brandTable, Long.toString(brandId), "period_id");
        Map<String, Object> all = new HashMap<>(params);
        all.put("brand", brandId);
        all.put("period", period.id());
        tables.replace(brandTable, brandTable + "_" + period.id().toLowerCase().replace('-', '_'), period.id(), """
                select cast(:brand as bigint) as brand_id, cast(:period as varchar(10)) as period_id,
                       t.member_id, cast(t.tier as smallint) as tier,
                       cast(t.member_purchase_days as integer) as member_purchase_days,
                       cast(t.propagations as integer) as propagations, t.purchasing_non_member
                  from (%s) t
                """.formatted(tiers), all);
    }

    /** Drops every stored period of the brand (the caller drops their segmentation.tier_period rows). */
    void dropBrand(long brandId) {
        tables.drop(brandTable(brandId));
    }

    private static String brandTable(long brandId) {
        return "tier_snapshot_b" + brandId;
    }
}
