package org.privatedomain.cdp.core.change;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells whether late data touched a stored result. A result computed in one transaction records {@link
 * #snapshot()}; {@link #touchedSince} then answers whether any write that snapshot did not see reached back
 * before a given instant (the end of the time the result covers). The journal keeps its rows for a retention only
 * ({@link FactChangePruner}): a snapshot older than the rows pruned counts as touched by everything, so a stored
 * result that finds nothing touched should move its snapshot forward.
 */
@Component
public class FactChanges {

    private static final String UNSEEN = """
            select persons, person_count from core.fact_change
             where brand_id = :brand
               and xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
               and kind = any(cast(:kinds as varchar[]))
               and earliest_at < :until
               and not pg_visible_in_snapshot(xid, cast(:snapshot as pg_snapshot))
            """;

    /**
     * Whether the journal may have lost rows the snapshot did not see: pruned rows, at or below the horizon, that
     * it may not have seen. Such a snapshot's result counts as touched by everything.
     */
    private static final String BEYOND_JOURNAL = """
            select pg_snapshot_xmin(cast(:snapshot as pg_snapshot)) <= pruned_xid from core.fact_change_horizon
            """;

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
        return jdbc.sql("select (%s) or exists (%s)".formatted(BEYOND_JOURNAL, UNSEEN))
                .params(unseen(brandId, snapshot, until, kinds))
                .query(Boolean.class).single();
    }

    /**
     * The persons whose facts of the given kinds, dated before {@code until}, were written by writes that {@code
     * snapshot} did not see: {@link Touched#NOBODY}, the persons when they are at most {@code limit}, or {@link
     * Touched#TOO_MANY} (more, or a statement that touched more than the journal names).
     */
    public Touched personsTouchedSince(long brandId, String snapshot, Instant until, int limit, FactKind... kinds) {
        Map<String, Object> params = unseen(brandId, snapshot, until, kinds);
        Map<String, Object> summary = jdbc.sql("""
                        select count(*) as writes,
                               (%s) or coalesce(bool_or(persons is null) or sum(person_count) > :limit, false)
                                   as too_many
                          from (%s) unseen
                        """.formatted(BEYOND_JOURNAL, UNSEEN))
                .params(params).param("limit", limit)
                .query().singleRow();
        if ((Boolean) summary.get("too_many")) {
            return Touched.TOO_MANY;
        }
        if (((Number) summary.get("writes")).longValue() == 0) {
            return Touched.NOBODY;
        }
        // the horizon asked again: a pruning committed since the first statement may have taken rows it counted
        Long[] persons = jdbc.sql("""
                        select case when not (%s) then coalesce(array_agg(distinct person), '{}') end
                          from (%s) unseen, unnest(persons) person
                        """.formatted(BEYOND_JOURNAL, UNSEEN))
                .params(params)
                .query((rs, row) -> rs.getArray(1) == null ? null : (Long[]) rs.getArray(1).getArray())
                .single();
        return persons == null ? Touched.TOO_MANY : new Touched(persons);
    }

    /**
     * Whether the latest write that touched the brand's facts of the given kinds came within {@code quiet} of now
     * (the database's clock, which stamped it).
     */
    public boolean changedWithin(long brandId, Duration quiet, FactKind... kinds) {
        return jdbc.sql("""
                        select coalesce((select changed_at > clock_timestamp() - make_interval(secs => :quiet)
                                           from core.fact_change
                                          where brand_id = :brand and kind = any(cast(:kinds as varchar[]))
                                          order by xid desc
                                          limit 1), false)
                        """)
                .param("brand", brandId).param("quiet", quiet.toMillis() / 1000.0)
                .param("kinds", Arrays.stream(kinds).map(Enum::name).toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /**
     * Deletes the journal's rows written more than {@code retention} ago, and raises the horizon past them;
     * answers how many went. Results computed from snapshots older than the horizon are then computed again whole
     * when next asked for.
     */
    @Transactional
    public int prune(Duration retention) {
        return jdbc.sql("""
                        with pruned as (
                            delete from core.fact_change
                             where changed_at < clock_timestamp() - make_interval(secs => :retention)
                            returning xid),
                        horizon as (
                            update core.fact_change_horizon set pruned_xid = greatest(pruned_xid, pruned.xid)
                              from (select max(xid) as xid from pruned) pruned
                             where pruned.xid is not null)
                        select count(*) from pruned
                        """)
                .param("retention", retention.toMillis() / 1000.0).query(Integer.class).single();
    }

    private static Map<String, Object> unseen(long brandId, String snapshot, Instant until, FactKind... kinds) {
        return Map.of("brand", brandId, "snapshot", snapshot, "until", Timestamp.from(until),
                "kinds", Arrays.stream(kinds).map(Enum::name).toArray(String[]::new));
    }

    /** The persons that late writes touched: none, these, or too many to name. */
    public record Touched(Long[] persons) {

        public static final Touched NOBODY = new Touched(new Long[0]);
        public static final Touched TOO_MANY = new Touched(null);

        public boolean nobody() {
            return persons != null && persons.length == 0;
        }

        public boolean tooMany() {
            return persons == null;
        }
    }
}
