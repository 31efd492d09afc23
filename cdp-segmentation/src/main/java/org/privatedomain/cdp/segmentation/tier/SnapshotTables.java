package org.privatedomain.cdp.segmentation.tier;

import java.util.Map;
import java.util.regex.Pattern;
import org.privatedomain.cdp.core.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables behind segmentation.tier_snapshot: one partition per brand, and in it one table per period, which a
 * whole computation replaces. The names are made from the brand's id and the period's id alone, both checked, so
 * no user text reaches the DDL (which takes no parameters).
 */
@Component
class SnapshotTables {

    private static final Pattern PERIOD_ID = Pattern.compile("\\d{4}-(\\d{2}|W\\d{2}|Q[1-4])");

    private final JdbcClient jdbc;

    SnapshotTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the period's table with the rows of {@code tiers} (a query of TierQuery's columns, taking {@code
     * params}): written into a new table, keyed and analysed once full, then swapped in for the old one within the
     * caller's transaction, so readers see the old rows or the new, never a mix.
     */
    void replace(long brandId, Period period, String tiers, Map<String, Object> params) {
        String brandTable = brandTable(brandId);
        ensureBrandTable(brandId, brandTable);
        String table = brandTable + "_" + periodSuffix(period);
        String next = table + "_next";
        jdbc.sql("""
                        create unlogged table segmentation.%s as
                        select cast(:brand as bigint) as brand_id, cast(:period as varchar(10)) as period_id,
                               t.member_id, cast(t.tier as smallint) as tier,
                               cast(t.member_purchase_days as integer) as member_purchase_days,
                               cast(t.propagations as integer) as propagations, t.purchasing_non_member
                          from (%s) t
                        """.formatted(next, tiers))
                .params(params).param("brand", brandId).param("period", period.id()).update();
        ddl("alter table segmentation.%1$s alter brand_id set not null, alter period_id set not null,"
                + " alter member_id set not null, alter tier set not null, alter member_purchase_days set not null,"
                + " alter propagations set not null, alter purchasing_non_member set not null,"
                + " add constraint %1$s_pkey primary key (brand_id, period_id, member_id)", next);
        ddl("drop table if exists segmentation.%s", table);
        ddl("alter table segmentation.%s rename to %s", next, table);
        ddl("alter index segmentation.%s_pkey rename to %s_pkey", next, table);
        ddl("alter table segmentation.%s attach partition segmentation.%s for values in ('%s')", brandTable, table,
                period.id());
        // queries joining the period right away are otherwise planned for an empty table
        ddl("analyze segmentation.%s", table);
    }

    /** Drops every stored period of the brand (the caller drops their segmentation.tier_period rows). */
    void dropBrand(long brandId) {
        ddl("drop table if exists segmentation.%s", brandTable(brandId));
    }

    /**
     * The brand's partition, made on its first period. Two first computations of a brand may race: the lock lets
     * one create it while the other waits, then finds it.
     */
    private void ensureBrandTable(long brandId, String brandTable) {
        if (exists(brandTable)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('tier-snapshot-table:' || :brand, 0))")
                .param("brand", brandId).query().singleRow();
        ddl("create table if not exists segmentation.%s partition of segmentation.tier_snapshot for values in (%d)"
                + " partition by list (period_id)", brandTable, brandId);
    }

    private boolean exists(String table) {
        return jdbc.sql("select to_regclass('segmentation.' || :table) is not null").param("table", table)
                .query(Boolean.class).single();
    }

    private void ddl(String statement, Object... names) {
        jdbc.sql(statement.formatted(names)).update();
    }

    private static String brandTable(long brandId) {
        return "tier_snapshot_b" + brandId;
    }

    private static String periodSuffix(Period period) {
        if (!PERIOD_ID.matcher(period.id()).matches()) {
            throw new IllegalArgumentException("not a period id: " + period.id());
        }
        return period.id().toLowerCase().replace('-', '_');
    }
}
