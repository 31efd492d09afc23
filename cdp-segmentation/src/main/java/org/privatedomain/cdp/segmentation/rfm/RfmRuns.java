package org.privatedomain.cdp.segmentation.rfm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.FrequencyBasis;
import org.privatedomain.cdp.core.brand.RfmScoringMode;
import org.privatedomain.cdp.core.brand.RfmSettings;
import org.privatedomain.cdp.core.brand.RfmThresholds;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.change.FactKind;
import org.privatedomain.cdp.core.change.FactChanges.Touched;
import org.privatedomain.cdp.core.brand.BrandSettingsChanged;
import org.privatedomain.cdp.segmentation.DerivedTables;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps RFM runs per brand and as-of date: computed on first use, served from storage while no order or erasure
 * dated before the run's instant was written since; when one was, the latest run recomputes the persons it
 * touched, an older run recomputes whole.
 */
@Component
class RfmRuns {

    private static final List<BigDecimal> NO_CUTS = List.of();
    private static final TypeReference<List<int[]>> CELLS = new TypeReference<>() {
    };

    /**
     * Up to this many persons touched by late orders or erasures, the latest run recomputes their values alone and
     * its figures from the stored values; beyond, or for an older run (which keeps no persons), it recomputes whole.
     */
    static final int INCREMENTAL_LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final DerivedTables tables;
    private final FactChanges changes;
    private final AnalyticsSettings analytics;
    private final JsonMapper json;
    private final Clock clock;

    RfmRuns(JdbcClient jdbc, DerivedTables tables, FactChanges changes, AnalyticsSettings analytics, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.changes = changes;
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
    }

    /** The fresh run as of the end of the local date {@code asOf}. Its own transaction: see TierSnapshots. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RfmReport ensureFresh(BrandContext brand, LocalDate asOf) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('rfm:' || :brand || ':' || :asOf, 0))")
                .param("brand", brand.id()).param("asOf", asOf.toString()).query().singleRow();
        analytics.apply();
        String snapshot = changes.snapshot(); // before anything is read: see TierSnapshots
        Stored stored = stored(brand.id(), asOf);
        if (stored == null) {
            return compute(brand, asOf, isLatest(brand.id(), asOf), null, snapshot);
        }
        Touched touched = changes.personsTouchedSince(brand.id(), stored.dbSnapshot(), stored.report().at(),
                INCREMENTAL_LIMIT, FactKind.ORDER, FactKind.ERASURE);
        if (touched.nobody()) {
            // checked fresh as of this snapshot: so the journal need not keep what the old one missed
            jdbc.sql("""
                            update segmentation.rfm_run set db_snapshot = :snapshot
                             where brand_id = :brand and as_of = :asOf and db_snapshot = :checked
                            """)
                    .param("brand", brand.id()).param("asOf", asOf).param("snapshot", snapshot)
                    .param("checked", stored.dbSnapshot()).update();
            return stored.report();
        }
        boolean latest = isLatest(brand.id(), asOf);
        return compute(brand, asOf, latest, touched.tooMany() || !latest ? null : touched.persons(), snapshot);
    }

    /** The run with the latest as-of date, as stored (fresh or not); null when the brand has none. */
    @Transactional(readOnly = true)
    public RfmReport latest(long brandId) {
        Stored stored = stored(brandId, null);
        return stored == null ? null : stored.report();
    }

    /**
     * Computes the run: every person's values (or, given {@code persons}, those persons' values only, the others'
     * being stored and unchanged), then the figures from the values. Only the latest run keeps its persons, in the
     * brand's table of segmentation.rfm_person; an older one (a closed period's crowd matrix) is computed whole
     * into a temporary table, and its values go with the transaction.
     */
    private RfmReport compute(BrandContext brand, LocalDate asOf, boolean latest, Long[] persons, String snapshot) {
        RfmSettings settings = brand.settings().rfm();
        ZoneId zone = ZoneId.of(brand.settings().timezone());
        Instant at = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Instant windowStart = asOf.plusDays(1).minusDays(settings.windowDays()).atStartOfDay(zone).toInstant();
        RfmThresholds thresholds = settings.scoringMode() == RfmScoringMode.THRESHOLDS ? settings.thresholds() : null;
        Map<String, Object> params = window(brand, settings, at, windowStart);
        params.put("asOf", asOf);
        params.put("members", persons);
        String table;
        if (persons == null) {
            // a statement PostgreSQL may run in parallel, as it does not INSERT ... SELECT (at 1M persons, 7.6 s
            // -> 4.0 s)
            String values = """
                    select cast(:brand as bigint) as brand_id, cast(:asOf as date) as as_of, v.member_id,
                           cast(v.recency as integer) as recency, cast(v.frequency as integer) as frequency,
                           v.monetary
                      from (%s) v
                    """.formatted(RfmQuery.persons(settings.frequencyBasis()));
            if (latest) {
                // the run before it, no longer the latest, goes with the table it replaces
                tables.replace("rfm_person", "rfm_person_b" + brand.id(), Long.toString(brand.id()), values, params);
                table = "segmentation.rfm_person";
            } else {
                jdbc.sql("create temporary table rfm_values on commit drop as " + values).params(params).update();
                table = "rfm_values";
            }
        } else {
            jdbc.sql("""
                            delete from segmentation.rfm_person
                             where brand_id = :brand and as_of = :asOf and member_id = any(cast(:members as bigint[]))
                            """)
                    .params(params).update();
            jdbc.sql("""
                            insert into segmentation.rfm_person (brand_id, as_of, member_id, recency, frequency, monetary)
                            select :brand, :asOf, v.* from (%s) v
                            """.formatted(RfmQuery.some(settings.frequencyBasis())))
                    .params(params).update();
            table = "segmentation.rfm_person";
        }
        params.put("recencyCuts", thresholds == null ? null : texts(thresholds.recency()));
        params.put("frequencyCuts", thresholds == null ? null : texts(thresholds.frequency()));
        params.put("monetaryCuts", thresholds == null ? null : texts(thresholds.monetary()));
        List<List<BigDecimal>> cuts = jdbc.sql(RfmQuery.CUTS.formatted(table)).params(params)
                .query((rs, row) -> List.of(decimals(rs, 1), decimals(rs, 2), decimals(rs, 3))).single();
        List<RfmReport.Cell> cells = cuts.getFirst().isEmpty() ? List.of() : jdbc.sql(RfmQuery.CELLS.formatted(table))
                .params(params).params(cutParams(cuts))
                .query((rs, row) -> new RfmReport.Cell(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
                .list();
        RfmScale scale = scale(cuts, cells);
        RfmReport report = new RfmReport(asOf, at, windowStart, settings.scoringMode(), settings.frequencyBasis(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), scale, cells);
        store(brand.id(), report, snapshot);
        return report;
    }

    /** Whether a run as of the date is (or would be) the brand's latest. */
    private boolean isLatest(long brandId, LocalDate asOf) {
        return jdbc.sql("select coalesce(max(as_of) <= :asOf, true) from segmentation.rfm_run where brand_id = :brand")
                .param("brand", brandId).param("asOf", asOf).query(Boolean.class).single();
    }

    /**
     * The cut points as the cells query's parameters {@code :r1..:r4}, {@code :f1..:f4}, {@code :m1..:m4}. Recency
     * and frequency are whole numbers, so {@code x > c} is {@code x > floor(c)}: compared as integers, without a
     * conversion per person and cut.
     */
    private static Map<String, Object> cutParams(List<List<BigDecimal>> cuts) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            params.put("r" + (i + 1), cuts.get(0).get(i).setScale(0, RoundingMode.FLOOR).longValueExact());
            params.put("f" + (i + 1), cuts.get(1).get(i).setScale(0, RoundingMode.FLOOR).longValueExact());
            params.put("m" + (i + 1), cuts.get(2).get(i));
        }
        return params;
    }

    /** The parameters that choose the orders of a window. */
    static Map<String, Object> window(BrandContext brand, RfmSettings settings, Instant at, Instant windowStart) {
        Map<String, Object> params = new HashMap<>();
        params.put("brand", brand.id());
        params.put("at", Timestamp.from(at));
        params.put("from", Timestamp.from(windowStart));
        params.put("zone", brand.settings().timezone());
        params.put("minAmount", brand.settings().tiers().minQualifyingAmount());
        return params;
    }

    private static RfmScale scale(List<List<BigDecimal>> cuts, List<RfmReport.Cell> cells) {
        long scored = 0;
        long[] sums = new long[3];
        for (RfmReport.Cell cell : cells) {
            scored += cell.persons();
            sums[0] += cell.recency() * cell.persons();
            sums[1] += cell.frequency() * cell.persons();
            sums[2] += cell.monetary() * cell.persons();
        }
        return new RfmScale(cuts.get(0), cuts.get(1), cuts.get(2), scored, sums[0], sums[1], sums[2]);
    }

    private void store(long brandId, RfmReport report, String snapshot) {
        RfmScale scale = report.scale();
        jdbc.sql("delete from segmentation.rfm_run where brand_id = :brand and as_of = :asOf")
                .param("brand", brandId).param("asOf", report.asOf()).update();
        jdbc.sql("""
                        insert into segmentation.rfm_run
                               (brand_id, as_of, at, window_start, scoring_mode, frequency_basis, recency_cuts,
                                frequency_cuts, monetary_cuts, scored, recency_sum, frequency_sum, monetary_sum, cells,
                                computed_at, db_snapshot)
                        values (:brand, :asOf, :at, :windowStart, :mode, :basis, cast(:recencyCuts as text[])::numeric[],
                                cast(:frequencyCuts as text[])::numeric[], cast(:monetaryCuts as text[])::numeric[], :scored, :recencySum, :frequencySum, :monetarySum, cast(:cells as jsonb),
                                :computedAt, :snapshot)
                        """)
                .param("brand", brandId).param("asOf", report.asOf())
                .param("at", Timestamp.from(report.at())).param("windowStart", Timestamp.from(report.windowStart()))
                .param("mode", report.scoringMode().name()).param("basis", report.frequencyBasis().name())
                .param("recencyCuts", texts(scale.recencyCuts()))
                .param("frequencyCuts", texts(scale.frequencyCuts()))
                .param("monetaryCuts", texts(scale.monetaryCuts()))
                .param("scored", scale.scored()).param("recencySum", scale.recencySum())
                .param("frequencySum", scale.frequencySum()).param("monetarySum", scale.monetarySum())
                .param("cells", json.writeValueAsString(report.cells().stream()
                        .map(c -> new long[] {c.recency(), c.frequency(), c.monetary(), c.persons()}).toList()))
                .param("computedAt", Timestamp.from(report.computedAt())).param("snapshot", snapshot)
                .update();
    }

    /** The run as of that date, or the latest for null. */
    private Stored stored(long brandId, LocalDate asOf) {
        return jdbc.sql("""
                        select as_of, at, window_start, scoring_mode, frequency_basis, recency_cuts, frequency_cuts,
                               monetary_cuts, scored, recency_sum, frequency_sum, monetary_sum, cells::text,
                               computed_at, db_snapshot
                          from segmentation.rfm_run
                         where brand_id = :brand and (cast(:asOf as date) is null or as_of = :asOf)
                         order by as_of desc
                         limit 1
                        """)
                .param("brand", brandId).param("asOf", asOf)
                .query((rs, row) -> new Stored(new RfmReport(rs.getObject(1, LocalDate.class),
                        rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        RfmScoringMode.valueOf(rs.getString(4)), FrequencyBasis.valueOf(rs.getString(5)),
                        rs.getTimestamp(14).toInstant(),
                        new RfmScale(decimals(rs, 6), decimals(rs, 7), decimals(rs, 8), rs.getLong(9), rs.getLong(10),
                                rs.getLong(11), rs.getLong(12)),
                        json.readValue(rs.getString(13), CELLS).stream()
                                .map(c -> new RfmReport.Cell(c[0], c[1], c[2], c[3])).toList()),
                        rs.getString(15)))
                .optional().orElse(null);
    }

    /** Decimals as text, which the driver sends as an array and SQL turns back into numeric exactly. */
    private static String[] texts(List<BigDecimal> decimals) {
        return decimals.stream().map(BigDecimal::toPlainString).toArray(String[]::new);
    }

    private static List<BigDecimal> decimals(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? NO_CUTS : Arrays.asList((BigDecimal[]) array.getArray());
    }

    private record Stored(RfmReport report, String dbSnapshot) {
    }

    /** Results computed under settings that no longer hold are dropped, in the transaction that changed them. */
    @EventListener
    void onSettingsChanged(BrandSettingsChanged changed) {
        jdbc.sql("delete from segmentation.rfm_run where brand_id = :brand").param("brand", changed.brandId()).update();
        tables.drop("rfm_person_b" + changed.brandId());
    }
}
