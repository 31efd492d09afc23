package org.privatedomain.cdp.core.ingest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the planner's statistics up to date after a large load. Without them PostgreSQL plans the next queries
 * of the brand (tiers, metrics, segments, the next batches) as if its new rows were not there, which turns
 * hash joins into nested loops over millions of rows; autovacuum, which would analyse the tables in time, may be
 * off or late. Outside any transaction, so that the locks ANALYZE takes are held for a moment only.
 */
@Component
class LoadStatistics {

    /** Loads smaller than this change the statistics too little to be worth a new sample. */
    static final long LARGE_LOAD_LINES = 10_000;

    private final JdbcClient jdbc;

    LoadStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void afterLoad(IngestKind kind, long lines) {
        if (lines < LARGE_LOAD_LINES) {
            return;
        }
        String facts = kind == IngestKind.ORDERS ? "core.orders" : "core.event, core.relationship";
        jdbc.sql("analyze " + facts + ", core.member, core.identity").update();
    }
}
