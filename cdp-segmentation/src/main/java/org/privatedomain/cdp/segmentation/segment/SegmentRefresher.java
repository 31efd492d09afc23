package org.privatedomain.cdp.segmentation.segment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Materialises segments: each in one set-based statement, after the segments it uses, which the dependency
 * edges ({@code segmentation.segment_dependency}) order. A brand's segments and edges are few (they are
 * definitions, not members), so the graph is walked in memory.
 */
@Component
class SegmentRefresher {

    private static final Logger log = LoggerFactory.getLogger(SegmentRefresher.class);

    /** How long a poller holds a scheduled refresh it claimed before another may take it. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final BrandService brands;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final SegmentFacts facts;
    private final AnalyticsSettings analytics;

    SegmentRefresher(BrandService brands, JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
            SegmentFacts facts, AnalyticsSettings analytics) {
        this.brands = brands;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.facts = facts;
        this.analytics = analytics;
    }

    SqlContext context(BrandContext brand, Instant now) {
        return new SqlContext(brand, now, facts);
    }

    /** Refuses (409 {@code segment-cycle}) a segment that now uses itself, directly or through others. */
    void requireAcyclic(long brandId, long id) {
        Map<Long, List<Long>> uses = edges(brandId);
        List<Long> cycle = cycleFrom(id, id, uses, new ArrayList<>(List.of(id)), new LinkedHashSet<>());
        if (cycle != null) {
            Map<Long, String> names = jdbc.sql("select id, name from segmentation.segment where brand_id = :brand")
                    .param("brand", brandId)
                    .query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            throw new ConflictException("segment-cycle", "Segments may not use themselves: "
                    + cycle.stream().map(segment -> segment + " (" + names.get(segment) + ")")
                            .collect(Collectors.joining(" uses ")) + ".");
        }
    }

    private static List<Long> cycleFrom(long start, long at, Map<Long, List<Long>> uses, List<Long> path,
            Set<Long> seen) {
        for (long next : uses.getOrDefault(at, List.of())) {
            path.add(next);
            if (next == start) {
                return path;
            }
            if (seen.add(next)) {
                List<Long> cycle = cycleFrom(start, next, uses, path, seen);
                if (cycle != null) {
                    return cycle;
                }
            }
            path.removeLast();
        }
        return null;
    }

    /**
     * The rules of the segment and of every segment it uses, directly or not, each before the segments using it,
     * compiled as of {@code now}. Compiling makes the facts the rules name fresh, each in a transaction of its own:
     * called outside any transaction, a refresh holds one database connection at a time, so that concurrent
     * refreshes cannot take the whole pool while each waits for a second one.
     */
    List<CompiledRule> compileWithDependencies(BrandContext brand, long id, Instant now) {
        List<Long> order = new ArrayList<>();
        dependenciesFirst(id, edges(brand.id()), new LinkedHashSet<>(), order);
        Map<Long, String> rules = new HashMap<>();
        jdbc.sql("select id, rule::text from segmentation.segment where brand_id = :brand and id in (:ids)")
                .param("brand", brand.id()).param("ids", order)
                .query(rs -> {
                    rules.put(rs.getLong(1), rs.getString(2));
                });
        // one context for them all: each fact they name is made fresh once
        SqlContext sql = context(brand, now);
        List<CompiledRule> compiled = new ArrayList<>(order.size());
        for (long segment : order) {
            String rule = rules.get(segment);
            if (rule == null) {
                throw changed(segment);
            }
            String members = RuleCompiler.members(RuleParser.parse(json.readTree(rule), "rule"), sql);
            compiled.add(new CompiledRule(segment, rule, members, sql.parameters()));
        }
        return compiled;
    }

    /**
     * Materialises the compiled segments in their order, within the caller's transaction, all as of {@code now};
     * returns the last one's refresh. A segment whose rule changed since it was compiled is refused (409
     * {@code segment-changed}): its compiled query no longer says what it does.
     */
    SegmentRefresh refresh(BrandContext brand, List<CompiledRule> compiled, Instant now) {
        analytics.apply();
        // Rows locked in id order, so concurrent refreshes of overlapping segments queue instead of deadlocking.
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select id, rule::text, refresh_schedule from segmentation.segment
                         where brand_id = :brand and id in (:ids)
                         order by id
                           for update
                        """)
                .param("brand", brand.id()).param("ids", compiled.stream().map(CompiledRule::segment).toList())
                .query(rs -> {
                    stored.put(rs.getLong(1), new Stored(rs.getString(2), rs.getString(3)));
                });
        SegmentRefresh refresh = null;
        for (CompiledRule rule : compiled) {
            Stored segment = stored.get(rule.segment());
            if (segment == null || !segment.rule().equals(rule.rule())) {
                throw changed(rule.segment());
            }
            refresh = refreshOne(brand, rule, segment.schedule(), now);
        }
        return refresh;
    }

    private static ConflictException changed(long segment) {
        return new ConflictException("segment-changed", "Segment " + segment
                + " was changed or deleted while it was being refreshed: refresh again.");
    }

    /** A segment's rule as compiled for a refresh: the rule's text, and its query of members with its parameters. */
    record CompiledRule(long segment, String rule, String members, Map<String, Object> parameters) {
    }

    private record Stored(String rule, String schedule) {
    }

    private static void dependenciesFirst(long id, Map<Long, List<Long>> uses, Set<Long> seen, List<Long> order) {
        if (seen.add(id)) {
            uses.getOrDefault(id, List.of()).forEach(used -> dependenciesFirst(used, uses, seen, order));
            order.add(id);
        }
    }

    /**
     * Claims the segment whose scheduled refresh is most overdue (skipping those another poller holds) for
     * {@link #CLAIM}, then refreshes it with its dependencies: compiled first, outside any transaction, then
     * materialised in a transaction of its own, which sets its next refresh. False when none is due. A refresh that
     * fails is postponed by its interval, so that it cannot hold up the others; one whose poller died is due again
     * when its claim runs out.
     */
    boolean refreshNextDue(Clock clock) {
        record Due(long brandId, long id, String schedule, Instant now) {
        }
        Due due = transaction.execute(status -> {
            Instant now = clock.instant();
            Due claimed = jdbc.sql("""
                            select brand_id, id, refresh_schedule from segmentation.segment
                             where next_refresh_at <= :now
                             order by next_refresh_at
                             limit 1
                             for update skip locked
                            """)
                    .param("now", Timestamp.from(now))
                    .query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), now))
                    .optional().orElse(null);
            if (claimed != null) {
                postpone(claimed.brandId(), claimed.id(), now.plus(CLAIM));
            }
            return claimed;
        });
        if (due == null) {
            return false;
        }
        try {
            BrandContext brand = brands.context(brands.codeOf(due.brandId()));
            List<CompiledRule> compiled = compileWithDependencies(brand, due.id(), due.now());
            transaction.executeWithoutResult(status -> refresh(brand, compiled, due.now()));
        } catch (RuntimeException failed) {
            log.warn("The scheduled refresh of segment {} of brand {} failed; it is postponed by {}.",
                    due.id(), due.brandId(), due.schedule(), failed);
            postpone(due.brandId(), due.id(), due.now().plus(Duration.parse(due.schedule())));
        }
        return true;
    }

    private void postpone(long brandId, long id, Instant next) {
        jdbc.sql("update segmentation.segment set next_refresh_at = :next where brand_id = :brand and id = :id")
                .param("next", Timestamp.from(next)).param("brand", brandId).param("id", id).update();
    }

    private SegmentRefresh refreshOne(BrandContext brand, CompiledRule rule, String schedule, Instant now) {
        long id = rule.segment();
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.put("segment", id);
        // One statement: the rule is evaluated once; members who left are deleted, those who entered inserted,
        // those who stayed keep their row (and the time they entered).
        SegmentRefresh refresh = jdbc.sql("""
                        with matched as materialized (
                            select m.id %s),
                        removed as (
                            delete from segmentation.segment_member sm
                             where sm.brand_id = :brand and sm.segment_id = :segment
                               and not exists (select 1 from matched where matched.id = sm.member_id)
                            returning 1),
                        added as (
                            insert into segmentation.segment_member (brand_id, segment_id, member_id, added_at)
                            select :brand, :segment, id, :now from matched
                            on conflict do nothing
                            returning 1)
                        select (select count(*) from matched), (select count(*) from added),
                               (select count(*) from removed)
                        """.formatted(rule.members()))
                .params(parameters)
                .query((rs, row) -> new SegmentRefresh(now, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        jdbc.sql("""
                        update segmentation.segment
                           set refreshed_at = :now, size = :size, next_refresh_at = :next
                         where brand_id = :brand and id = :id
                        """)
                .param("now", Timestamp.from(now)).param("size", refresh.size())
                .param("next", schedule == null ? null : Timestamp.from(now.plus(Duration.parse(schedule))))
                .param("brand", brand.id()).param("id", id).update();
        jdbc.sql("""
                        insert into segmentation.segment_refresh (brand_id, segment_id, refreshed_at, size, added, removed)
                        values (:brand, :id, :now, :size, :added, :removed)
                        on conflict do nothing
                        """)
                .param("brand", brand.id()).param("id", id).param("now", Timestamp.from(now))
                .param("size", refresh.size()).param("added", refresh.added()).param("removed", refresh.removed())
                .update();
        return refresh;
    }

    private Map<Long, List<Long>> edges(long brandId) {
        Map<Long, List<Long>> uses = new HashMap<>();
        jdbc.sql("select segment_id, uses_segment_id from segmentation.segment_dependency where brand_id = :brand")
                .param("brand", brandId)
                .query(rs -> {
                    uses.computeIfAbsent(rs.getLong(1), segment -> new ArrayList<>()).add(rs.getLong(2));
                });
        return uses;
    }
}
