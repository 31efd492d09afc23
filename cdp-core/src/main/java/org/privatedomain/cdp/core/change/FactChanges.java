package org.privatedomain.cdp.core.change;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells whether late data touched a stored result. A result computed in one transaction records {@link
 * #snapshot()}; {@link #touchedSince} then answers whether any write that snapshot did not see reached back
 * before a given instant (the end of the time the result covers).
 */
@Component
public class FactChanges {

    private final JdbcClient jdbc;

    FactChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calling transaction's database snapshot, to store beside what it computes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String snapshot() {
        return jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
    }

    /**
     * Whether a write of one of the given kinds that {@code snapshot} did not see touched a fact of the brand
     * dated before {@code until}.
     */
    public boolean touchedSince(long brandId, String snapshot, Instant until, FactKind... kinds) {
        return jdbc.sql("""
                        select exists (select 1 from core.fact_change
                                        where brand_id = :brand
                                          and xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                                          and kind = any(cast(:kinds as varchar[]))
                                          and earliest_at < :until
                                          and not pg_visible_in_snapshot(xid, cast(:snapshot as pg_snapshot)))
                        """)
                .param("brand", brandId).param("snapshot", snapshot).param("until", Timestamp.from(until))
                .param("kinds", Arrays.stream(kinds).map(Enum::name).toArray(String[]::new))
                .query(Boolean.class).single();
    }
}
