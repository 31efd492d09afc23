package org.privatedomain.cdp.core.analytics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database settings of brand-wide computations (tiers, RFM, FAST+, segment rules), for their own transaction
 * only:
 * <ul>
 * <li>memory: they hash and sort a row per person, a million of them and more, and with PostgreSQL's default of
 * 4 MB per sort or hash they spill to disk in dozens of batches ({@code cdp.analytics.work-mem}, default 256MB per
 * sort or hash of each process);</li>
 * <li>no JIT compilation: their row estimates put even the recomputation of a few thousand persons above the JIT
 * threshold, and compiling cost as much as running (0.7 s of 1.1 s at 1M persons), while whole computations
 * ran no faster with it.</li>
 * </ul>
 */
@Component
public class AnalyticsSettings {

    private final JdbcClient jdbc;
    private final String workMem;

    AnalyticsSettings(JdbcClient jdbc, @Value("${cdp.analytics.work-mem:256MB}") String workMem) {
        this.jdbc = jdbc;
        this.workMem = workMem;
    }

    /** Applies the settings to the calling transaction's statements. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply() {
        jdbc.sql("select set_config('work_mem', :size, true), set_config('jit', 'off', true)")
                .param("size", workMem).query().singleRow();
    }
}
