package org.privatedomain.cdp.core;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trap of key lookups: statistics taken while a brand had no rows of a table. Another brand gets many rows
 * (copies of one row it holds, with the key made unique), the table is analysed, and the plan of a lookup for the
 * brand without rows is what a bulk load of it would run.
 */
public final class KeyLookupPlans {

    private KeyLookupPlans() {
    }

    /**
     * Fills {@code table} for {@code busyBrand} with 20,000 copies of its row {@code keyColumn = seedKey} (the key
     * suffixed with a number, {@code shifted} columns of type timestamptz moved by that many minutes), then analyses it.
     */
    public static void fillAndAnalyse(JdbcClient jdbc, String table, String busyBrand, String keyColumn,
            String seedKey, String shifted) {
        String columns = jdbc.sql("""
                        select string_agg(case when column_name = ? then column_name || ' || ''-'' || n'
                                               when column_name = ? then column_name || ' + n * interval ''1 minute'''
                                               else column_name end, ', ' order by ordinal_position)
                          from information_schema.columns
                         where table_schema = 'core' and table_name = ?
                        """).param(keyColumn).param(shifted).param(table).query(String.class).single();
        String names = jdbc.sql("""
                        select string_agg(column_name, ', ' order by ordinal_position)
                          from information_schema.columns where table_schema = 'core' and table_name = ?
                        """).param(table).query(String.class).single();
        jdbc.sql("insert into core." + table + " (" + names + ") select " + columns + " from core." + table
                        + " t, generate_series(1, 20000) n"
                        + " where t.brand_id = (select id from core.brand where code = ?) and t." + keyColumn + " = ?")
                .param(busyBrand).param(seedKey).update();
        jdbc.sql("analyze core." + table).update();
    }

    /** The plan of {@code sql} with these parameters, as text. */
    public static String plan(JdbcClient jdbc, String sql, Map<String, ?> params) {
        return String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
    }

    /** The id of a brand by its code. */
    public static long brandId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from core.brand where code = ?").param(code).query(Long.class).single();
    }
}
