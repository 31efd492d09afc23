package org.privatedomain.cdp.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.FrequencyBasis;
import org.privatedomain.cdp.core.brand.RfmScoringMode;
import org.privatedomain.cdp.core.brand.RfmSettings;
import org.privatedomain.cdp.core.brand.RfmThresholds;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RFM of fast-plus.md as of the end of 2026-10-31 in Shanghai (the instant 2026-11-01T00:00+08:00), window 365
 * days from 2025-11-01T00:00+08:00. Values, cut points, scores and segments are worked out by hand below.
 */
@SpringBootTest
@Import(TestDatabase.class)
class RfmServiceTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @Autowired
    Facts facts;

    @Autowired
    RfmService rfm;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    String brand;

    @BeforeEach
    void scenario() {
        brand = facts.brand();
        // P1: 12 hours before the instant -> R 0, F 1, M 100.
        facts.buy(brand, "P1", "2026-10-31T12:00", "100.00");
        // P2: last order 17 days before -> R 17, F 2, M 300.
        facts.buy(brand, "P2", "2026-10-01T00:00", "100.00");
        facts.buy(brand, "P2", "2026-10-15T00:00", "200.00");
        // P3: the first instant of the window counts, one minute before it does not -> R 365, F 1, M 50.
        facts.buy(brand, "P3", "2025-11-01T00:00", "50.00");
        facts.buy(brand, "P3", "2025-10-31T23:59", "999.00");
        // P4: a refunded order never qualifies; a partly refunded one counts its net 50 -> R 11, F 1, M 50.
        facts.order(brand, "p4-refunded", "P4", "2026-10-25T00:00", "500.00", OrderStatus.REFUNDED, null, null);
        facts.order(brand, "p4-partial", "P4", "2026-10-21T00:00", "80.00", OrderStatus.PARTIALLY_REFUNDED, "30.00",
                null);
        // P5: three orders on two days, the last 40 hours before the instant -> R 1, F 3 (2 days), M 100.
        facts.buy(brand, "P5", "2026-10-25T00:00", "40.00");
        facts.buy(brand, "P5", "2026-10-30T00:00", "30.00");
        facts.buy(brand, "P5", "2026-10-30T08:00", "30.00");
        // P6: only after the instant: not scored.
        facts.buy(brand, "P6", "2026-11-01T00:00", "10.00");
    }

    @Test
    void quantileCutPointsInterpolateAndScoreEveryPerson() {
        RfmReport report = rfm.report(brand, AS_OF);

        // R sorted 0, 1, 11, 17, 365: positions 0.8, 1.6, 2.4, 3.2 -> 0.8, 7, 13.4, 86.6.
        assertThat(report.scale().recencyCuts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("0.8", "7", "13.4", "86.6"));
        // F sorted 1, 1, 1, 2, 3 -> 1, 1, 1.4, 2.2.
        assertThat(report.scale().frequencyCuts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("1", "1", "1.4", "2.2"));
        // M sorted 50, 50, 100, 100, 300 -> 50, 80, 100, 140.
        assertThat(report.scale().monetaryCuts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("50", "80", "100", "140"));
        // Scores (R, F, M): P1 (5,1,3), P2 (2,4,5), P3 (1,1,1), P4 (3,1,1), P5 (4,5,3); equal values, equal scores.
        assertThat(report.cells()).containsExactly(
                new RfmReport.Cell(1, 1, 1, 1), new RfmReport.Cell(2, 4, 5, 1), new RfmReport.Cell(3, 1, 1, 1),
                new RfmReport.Cell(4, 5, 3, 1), new RfmReport.Cell(5, 1, 3, 1));
        assertThat(report.recencyScores()).containsExactly(1, 1, 1, 1, 1);
        assertThat(report.frequencyScores()).containsExactly(3, 0, 0, 1, 1);
        assertThat(report.monetaryScores()).containsExactly(2, 0, 2, 0, 1);
        // Means R 3, F 2.4, M 2.6; "high" is strictly above: a 3 in R is low.
        assertThat(report.scale().recencyMean()).isEqualTo(3.0);
        assertThat(report.segments()).containsAllEntriesOf(Map.of(
                RfmSegment.IMPORTANT_DEVELOP, 1L, // P1
                RfmSegment.IMPORTANT_KEEP, 1L, // P2
                RfmSegment.GENERAL_RETAIN, 2L, // P3, P4
                RfmSegment.IMPORTANT_VALUE, 1L)); // P5
        assertThat(report.segments().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        assertThat(report.at()).isEqualTo(Facts.at("2026-11-01T00:00").toInstant());
        assertThat(report.windowStart()).isEqualTo(Facts.at("2025-11-01T00:00").toInstant());
    }

    @Test
    void aPersonsValuesScoresAndSegmentFollowTheBrandsLatestRun() {
        rfm.report(brand, AS_OF);

        MemberRfm p2 = rfm.of(brand, facts.memberId(brand, "P2"));
        MemberRfm p6 = rfm.of(brand, facts.memberId(brand, "P6"));

        assertThat(p2).isEqualTo(new MemberRfm(AS_OF, p2.computedAt(), 17L, 2, new BigDecimal("300.00"), 2, 4, 5,
                RfmSegment.IMPORTANT_KEEP));
        assertThat(p6.recencyScore()).isNull();
        assertThat(p6.segment()).isNull();
        assertThat(p6.frequency()).isZero();
    }

    @Test
    void frequencyCanCountPurchaseDays() {
        changeRfm(new RfmSettings(365, FrequencyBasis.DAYS, RfmScoringMode.QUANTILE, null));

        RfmReport report = rfm.report(brand, AS_OF);

        // F sorted 1, 1, 1, 2, 2 (P5 bought on two days) -> 1, 1, 1.4, 2.
        assertThat(report.scale().frequencyCuts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("1", "1", "1.4", "2"));
        assertThat(report.frequencyBasis()).isEqualTo(FrequencyBasis.DAYS);
    }

    @Test
    void thresholdsModeUsesTheBrandsCutPoints() {
        changeRfm(new RfmSettings(365, FrequencyBasis.ORDERS, RfmScoringMode.THRESHOLDS, new RfmThresholds(
                List.of(decimals("7", "30", "90", "180")), List.of(decimals("1", "2", "3", "4")),
                List.of(decimals("50", "100", "200", "500")))));

        RfmReport report = rfm.report(brand, AS_OF);

        // R: P1 0 -> 5, P5 1 -> 5, P4 11 -> 4, P2 17 -> 4, P3 365 -> 1. F: 1 -> 1, 2 -> 2, 3 -> 3.
        // M: 50 -> 1 (not above 50), 100 -> 2, 300 -> 4.
        assertThat(report.cells()).containsExactly(
                new RfmReport.Cell(1, 1, 1, 1), new RfmReport.Cell(4, 1, 1, 1), new RfmReport.Cell(4, 2, 4, 1),
                new RfmReport.Cell(5, 1, 2, 1), new RfmReport.Cell(5, 3, 2, 1));
    }

    @Test
    void aRunIsKeptUntilAnOrderDatedBeforeItsInstantArrives() {
        RfmReport first = rfm.report(brand, AS_OF);
        facts.buy(brand, "P1", "2026-11-02T10:00", "10.00");
        assertThat(rfm.report(brand, AS_OF).computedAt()).isEqualTo(first.computedAt());

        facts.buy(brand, "P6", "2026-10-30T10:00", "10.00");
        RfmReport second = rfm.report(brand, AS_OF);

        assertThat(second.computedAt()).isAfter(first.computedAt());
        assertThat(second.scale().scored()).isEqualTo(6);
    }

    @Test
    void lateWritesRecomputeOnlyThePersonsTheyTouchedAndGiveWhatAComputationFromNothingGives() {
        rfm.report(brand, AS_OF);
        String untouchedRow = rowVersion("P2");

        facts.buy(brand, "P1", "2026-10-30T10:00", "10.00"); // P1: F 2, M 110
        facts.buy(brand, "P6", "2026-10-29T10:00", "10.00"); // P6 scored: R 2, F 1, M 10
        facts.link(brand, Facts.person("P4"), Facts.person("P5")); // P5 merges into P4: F 4, M 150, R 1
        facts.erase(brand, "P3"); // erased today, after the run's instant: still scored, with its values
        RfmReport incremental = rfm.report(brand, AS_OF);

        assertThat(rowVersion("P2")).as("P2's values, which no late write touched").isEqualTo(untouchedRow);
        assertThat(incremental.scale().scored()).isEqualTo(5); // P1, P2, P3, P4 (with P5), P6
        jdbc.sql("delete from segmentation.rfm_run where brand_id = ?").param(facts.brandId(brand)).update();
        RfmReport fromNothing = rfm.report(brand, AS_OF);
        assertThat(incremental.scale()).isEqualTo(fromNothing.scale());
        assertThat(incremental.cells()).isEqualTo(fromNothing.cells());
    }

    @Test
    void anOlderRunLeavesTheLatestRunsStoredPersonsAlone() {
        RfmReport latest = rfm.report(brand, AS_OF);
        String latestRow = rowVersion("P2");

        RfmReport older = rfm.report(brand, AS_OF.minusDays(3));

        assertThat(older.asOf()).isEqualTo(AS_OF.minusDays(3));
        assertThat(older.scale().scored()).isPositive();
        assertThat(rowVersion("P2")).isEqualTo(latestRow);
        assertThat(jdbc.sql("select distinct as_of from segmentation.rfm_person where brand_id = ?")
                .param(facts.brandId(brand)).query(LocalDate.class).list()).containsExactly(AS_OF);
        assertThat(rfm.report(brand, AS_OF).computedAt()).isEqualTo(latest.computedAt());
    }

    /** The version of a person's stored values (its transaction id): it changes whenever the row is written. */
    private String rowVersion(String person) {
        return jdbc.sql("""
                        select xmin::text from segmentation.rfm_person
                         where brand_id = ? and as_of = ? and member_id = ?
                        """).param(facts.brandId(brand)).param(AS_OF).param(facts.memberId(brand, person))
                .query(String.class).single();
    }

    @Test
    void anErasedPersonIsNoLongerScored() {
        facts.erase(brand, "P3");

        RfmReport report = rfm.report(brand, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));

        // The window of today still holds P1, P2, P4, P5 and P6 (and P3's order of 2025-11-01 has left it).
        assertThat(report.scale().scored()).isBetween(1L, 5L);
        assertThat(rfm.report(brand, AS_OF).scale().scored()).isEqualTo(5);
    }

    @Test
    void aDateAfterTodayIsRefused() {
        assertThatThrownBy(() -> rfm.report(brand, LocalDate.now().plusDays(2)))
                .isInstanceOf(InvalidInputException.class);
    }

    private void changeRfm(RfmSettings settings) {
        BrandSettings current = brands.settings(brand);
        brands.changeSettings(brand, new BrandSettings(current.timezone(), current.periodType(), settings,
                current.tiers(), current.capitalRequiresConsent(), current.weakIdentityTypes()));
    }

    private static BigDecimal[] decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }
}
