package org.privatedomain.cdp.segmentation.segment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.core.error.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule-based segments of a brand: a rule counted on the fly, or saved, refreshed into a membership (after the
 * segments it uses) and read back a page at a time or streamed as CSV.
 */
@Service
@Validated
public class SegmentService {

    static final Duration MIN_SCHEDULE = Duration.ofMinutes(5);
    static final Duration MAX_SCHEDULE = Duration.ofDays(31);

    private final BrandService brands;
    private final AnalyticsSettings analytics;
    private final SegmentRefresher refresher;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    SegmentService(BrandService brands, SegmentRefresher refresher, JdbcClient jdbc, DataSource dataSource,
            AnalyticsSettings analytics, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.brands = brands;
        this.analytics = analytics;
        this.refresher = refresher;
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(1000); // within a transaction, PostgreSQL's driver then reads from a cursor
        this.streaming = JdbcClient.create(cursor);
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * How many live members the rule selects now, without saving anything. The rule is compiled, which makes the
     * facts it names fresh (each in a transaction of its own), before the count's transaction begins: a request
     * holds one database connection at a time, so that concurrent previews cannot take the whole pool while each
     * waits for a second one.
     */
    public SegmentCount preview(String brandCode, @NotNull JsonNode rule) {
        BrandContext brand = brands.context(brandCode);
        Condition condition = RuleParser.parse(rule, "rule");
        requireSegmentsExist(brand.id(), condition);
        SqlContext sql = refresher.context(brand, clock.instant());
        String query = "select count(*) " + RuleCompiler.members(condition, sql);
        return readOnly.execute(status -> {
            analytics.apply();
            return new SegmentCount(jdbc.sql(query).params(sql.parameters()).query(Long.class).single());
        });
    }

    /**
     * Whether the rule compares personal data that analysts see masked (name, birthday): counting persons by
     * it would unmask them.
     */
    public boolean comparesPersonalData(@NotNull JsonNode rule) {
        return RuleParser.parse(rule, "rule").leaves()
                .anyMatch(leaf -> leaf instanceof ProfileCondition profile && profile.attribute().personal());
    }

    @Transactional
    public SegmentView create(String brandCode, @Valid @NotNull SegmentDefinition definition) {
        long brandId = brands.idOf(brandCode);
        Duration schedule = validate(brandId, definition);
        lockSegments(brandId);
        Instant now = clock.instant();
        try {
            long id = jdbc.sql("""
                            insert into segmentation.segment (brand_id, name, description, rule, refresh_schedule,
                                                              next_refresh_at, created_at, updated_at)
                            values (:brand, :name, :description, cast(:rule as jsonb), :schedule, :next, :now, :now)
                            returning id
                            """)
                    .params(definitionParameters(brandId, definition, schedule, now))
                    .query(Long.class).single();
            saveDependencies(brandId, id, definition.rule());
            return find(brandId, id);
        } catch (DuplicateKeyException taken) {
            throw nameTaken(definition);
        }
    }

    @Transactional
    public SegmentView update(String brandCode, long id, @Valid @NotNull SegmentDefinition definition) {
        long brandId = brands.idOf(brandCode);
        Duration schedule = validate(brandId, definition);
        lockSegments(brandId);
        find(brandId, id);
        Map<String, Object> parameters = definitionParameters(brandId, definition, schedule, clock.instant());
        parameters.put("id", id);
        try {
            jdbc.sql("""
                            update segmentation.segment
                               set name = :name, description = :description, rule = cast(:rule as jsonb),
                                   refresh_schedule = :schedule, next_refresh_at = :next, updated_at = :now
                             where brand_id = :brand and id = :id
                            """)
                    .params(parameters).update();
        } catch (DuplicateKeyException taken) {
            throw nameTaken(definition);
        }
        saveDependencies(brandId, id, definition.rule());
        refresher.requireAcyclic(brandId, id);
        return find(brandId, id);
    }

    /** Deletes the segment with its membership and history; refused while another segment uses it. */
    @Transactional
    public void delete(String brandCode, long id) {
        long brandId = brands.idOf(brandCode);
        lockSegments(brandId);
        find(brandId, id);
        List<String> users = jdbc.sql("""
                        select s.id || ' (' || s.name || ')' from segmentation.segment_dependency d
                          join segmentation.segment s on s.brand_id = d.brand_id and s.id = d.segment_id
                         where d.brand_id = :brand and d.uses_segment_id = :id
                         order by s.id
                        """)
                .param("brand", brandId).param("id", id).query(String.class).list();
        if (!users.isEmpty()) {
            throw new ConflictException("segment-in-use",
                    "Segment " + id + " is used by segment " + String.join(", ", users) + "; change those first.");
        }
        jdbc.sql("delete from segmentation.segment where brand_id = :brand and id = :id")
                .param("brand", brandId).param("id", id).update();
    }

    @Transactional(readOnly = true)
    public SegmentView get(String brandCode, long id) {
        return find(brands.idOf(brandCode), id);
    }

    /** The brand's segments by id. */
    @Transactional(readOnly = true)
    public List<SegmentView> list(String brandCode) {
        return select("", Map.of("brand", brands.idOf(brandCode)));
    }

    /**
     * Materialises the segment's membership now, after refreshing the segments it uses (directly or not), in
     * dependency order, all in one transaction with one "now". The rules are compiled first, outside that
     * transaction: see {@link #prepareRefresh}.
     */
    public SegmentRefresh refresh(String brandCode, long id) {
        Supplier<SegmentRefresh> refresh = prepareRefresh(brandCode, id);
        return transaction.execute(status -> refresh.get());
    }

    /**
     * Compiles the refresh of the segment and of the segments it uses as of now, which makes the facts their rules
     * name fresh, each in a transaction of its own: called outside any transaction, so that a request holds one
     * database connection at a time (see {@link SegmentRefresher#compileWithDependencies}). The answer
     * materialises them within the caller's transaction; a rule changed in between is {@code 409 segment-changed}.
     */
    public Supplier<SegmentRefresh> prepareRefresh(String brandCode, long id) {
        BrandContext brand = brands.context(brandCode);
        find(brand.id(), id);
        Instant now = clock.instant();
        List<SegmentRefresher.CompiledRule> compiled = refresher.compileWithDependencies(brand, id, now);
        return () -> refresher.refresh(brand, compiled, now);
    }

    /** The refreshes of the segment, newest first. */
    @Transactional(readOnly = true)
    public List<SegmentRefresh> history(String brandCode, long id) {
        long brandId = brands.idOf(brandCode);
        find(brandId, id);
        return jdbc.sql("""
                        select refreshed_at, size, added, removed from segmentation.segment_refresh
                         where brand_id = :brand and segment_id = :id
                         order by refreshed_at desc
                        """)
                .param("brand", brandId).param("id", id)
                .query((rs, row) -> new SegmentRefresh(instant(rs, 1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The segment's members as of its last refresh, by ascending id after {@code after}. */
    @Transactional(readOnly = true)
    public SegmentMemberPage members(String brandCode, long id, @Min(0) long after, @Min(1) @Max(1000) int limit) {
        long brandId = brands.idOf(brandCode);
        find(brandId, id);
        List<SegmentMember> members = jdbc.sql("""
                        select member_id, added_at from segmentation.segment_member
                         where brand_id = :brand and segment_id = :id and member_id > :after
                         order by member_id
                         limit :limit
                        """)
                .param("brand", brandId).param("id", id).param("after", after).param("limit", limit + 1)
                .query((rs, row) -> new SegmentMember(rs.getLong(1), instant(rs, 2)))
                .list();
        List<SegmentMember> page = members.subList(0, Math.min(limit, members.size()));
        return new SegmentMemberPage(page, members.size() > limit ? page.getLast().memberId() : null);
    }

    /**
     * Writes the segment's members as CSV ({@code member_id,since}, by id) to {@code out}, read from a cursor
     * a thousand rows at a time, so a segment of millions never sits in memory.
     */
    @Transactional(readOnly = true)
    public void writeMembersCsv(String brandCode, long id, OutputStream out) {
        long brandId = brands.idOf(brandCode);
        find(brandId, id);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            writer.write("member_id,since\n");
            streaming.sql("""
                            select member_id, added_at from segmentation.segment_member
                             where brand_id = :brand and segment_id = :id
                             order by member_id
                            """)
                    .param("brand", brandId).param("id", id)
                    .query(rs -> {
                        try {
                            writer.write(rs.getLong(1) + "," + instant(rs, 2) + "\n");
                        } catch (IOException gone) {
                            throw new UncheckedIOException(gone);
                        }
                    });
            writer.flush();
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    /** Refreshes the segments whose scheduled refresh is due, one transaction each; returns how many. */
    public int refreshDue() {
        int refreshed = 0;
        while (refreshed < 100 && refresher.refreshNextDue(clock)) {
            refreshed++;
        }
        return refreshed;
    }

    private Duration validate(long brandId, SegmentDefinition definition) {
        List<RuleError> errors = new ArrayList<>();
        Condition condition = null;
        try {
            condition = RuleParser.parse(definition.rule(), "rule");
        } catch (InvalidSegmentException invalid) {
            errors.addAll(invalid.errors());
        }
        Duration schedule = null;
        if (definition.refreshSchedule() != null) {
            try {
                schedule = Duration.parse(definition.refreshSchedule());
            } catch (DateTimeParseException notADuration) {
                schedule = Duration.ZERO;
            }
            if (schedule.compareTo(MIN_SCHEDULE) < 0 || schedule.compareTo(MAX_SCHEDULE) > 0) {
                errors.add(new RuleError("refreshSchedule",
                        "must be an ISO-8601 duration from PT5M to P31D, such as PT1H or P1D"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSegmentException(errors);
        }
        requireSegmentsExist(brandId, condition);
        requireBrandPeriods(brandId, condition);
        return schedule;
    }

    /** A period named by a tier or crowd leaf is one of the brand's type, or saving fails now, not every refresh. */
    private void requireBrandPeriods(long brandId, Condition condition) {
        PeriodCalendar calendar = PeriodCalendar.of(brands.settings(brands.codeOf(brandId)));
        condition.leaves().forEach(leaf -> {
            String period = switch (leaf) {
                case TierCondition tier -> tier.period();
                case CrowdCondition crowd -> crowd.period();
                default -> null;
            };
            if (period != null) {
                calendar.parse(period);
            }
        });
    }

    private void requireSegmentsExist(long brandId, Condition condition) {
        List<SegmentCondition> used = SegmentCondition.in(condition).toList();
        if (used.isEmpty()) {
            return;
        }
        Set<Long> known = Set.copyOf(jdbc.sql("select id from segmentation.segment where brand_id = :brand and id in (:ids)")
                .param("brand", brandId).param("ids", used.stream().map(SegmentCondition::segmentId).toList())
                .query(Long.class).list());
        List<RuleError> errors = used.stream().filter(segment -> !known.contains(segment.segmentId()))
                .map(segment -> new RuleError(segment.path(), "no segment " + segment.segmentId() + " in this brand"))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidSegmentException(errors);
        }
    }

    private Map<String, Object> definitionParameters(long brandId, SegmentDefinition definition, Duration schedule,
            Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("brand", brandId);
        parameters.put("name", definition.name());
        parameters.put("description", definition.description());
        parameters.put("rule", json.writeValueAsString(definition.rule()));
        parameters.put("schedule", schedule == null ? null : definition.refreshSchedule());
        // A scheduled segment is due at once, so its membership follows a new rule without waiting an interval.
        parameters.put("next", schedule == null ? null : Timestamp.from(now));
        parameters.put("now", Timestamp.from(now));
        return parameters;
    }

    private void saveDependencies(long brandId, long id, JsonNode rule) {
        jdbc.sql("delete from segmentation.segment_dependency where brand_id = :brand and segment_id = :id")
                .param("brand", brandId).param("id", id).update();
        Long[] used = SegmentCondition.in(RuleParser.parse(rule, "rule")).map(SegmentCondition::segmentId)
                .distinct().toArray(Long[]::new);
        jdbc.sql("""
                        insert into segmentation.segment_dependency (brand_id, segment_id, uses_segment_id)
                        select :brand, :id, uses from unnest(cast(:used as bigint[])) as uses
                        """)
                .param("brand", brandId).param("id", id).param("used", used).update();
    }

    /** Serialises changes to a brand's segments, so two concurrent saves cannot make a cycle between them. */
    private void lockSegments(long brandId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('segmentation.segment', :brand))")
                .param("brand", brandId).query().singleRow();
    }

    private SegmentView find(long brandId, long id) {
        return select(" and s.id = :id", Map.of("brand", brandId, "id", id)).stream().findFirst()
                .orElseThrow(() -> new SegmentNotFoundException(id));
    }

    private List<SegmentView> select(String condition, Map<String, Object> parameters) {
        return jdbc.sql("""
                        select s.id, s.name, s.description, s.rule::text, s.refresh_schedule, s.next_refresh_at,
                               s.refreshed_at, s.size, s.created_at, s.updated_at,
                               array(select d.uses_segment_id from segmentation.segment_dependency d
                                      where d.brand_id = s.brand_id and d.segment_id = s.id
                                      order by d.uses_segment_id) as uses
                          from segmentation.segment s
                         where s.brand_id = :brand""" + condition + " order by s.id")
                .params(parameters)
                .query((rs, row) -> new SegmentView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        json.readTree(rs.getString(4)), rs.getString(5), instant(rs, 6), instant(rs, 7),
                        (Long) rs.getObject(8), Arrays.asList((Long[]) rs.getArray(11).getArray()), instant(rs, 9),
                        instant(rs, 10)))
                .list();
    }

    private static ConflictException nameTaken(SegmentDefinition definition) {
        return new ConflictException("segment-name-taken",
                "The brand has a segment named '" + definition.name() + "' already.");
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
