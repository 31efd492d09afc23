package org.privatedomain.cdp.core.analytics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brand-wide computations (tiers, RFM, FAST+) hash and sort a row per person, a million of them and more: with
 * PostgreSQL's default of 4 MB per sort or hash they spill to disk in dozens of batches. They get more memory, for
 * their own transaction only ({@code cdp.analytics.work-mem}, default 256MB per sort or hash of each process).
 */
@Component
public class AnalyticsMemory {

    private final JdbcClient jdbc;
    private final String workMem;

    AnalyticsMemory(JdbcClient jdbc, @Value("${cdp.analytics.work-mem:256MB}") String workMem) {
        this.jdbc = jdbc;
        this.workMem = workMem;
    }

    /** Gives the calling transaction's statements the analytics' memory per sort or hash. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void widen() {
        jdbc.sql("select set_config('work_mem', :size, true)").param("size", workMem).query().singleRow();
    }
}
