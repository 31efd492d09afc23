package org.privatedomain.cdp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.segmentation.Facts.anonymous;
import static org.privatedomain.cdp.segmentation.Facts.person;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.metrics.fastplus.FastPlusEntry;
import org.privatedomain.cdp.metrics.fastplus.FastPlusService;
import org.privatedomain.cdp.metrics.fastplus.Figure;
import org.privatedomain.cdp.metrics.fastplus.MemberClv;
import org.privatedomain.cdp.metrics.kpi.KpiEntry;
import org.privatedomain.cdp.metrics.kpi.KpiService;
import org.privatedomain.cdp.metrics.kpi.RetentionMatrix;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A brand of 30 persons over three monthly periods (2026-08, -09, -10, Asia/Shanghai; times below are local),
 * every figure of fast-plus.md worked out by hand. Relationships, as intervals:
 * <pre>
 *   A  MEMBERSHIP   [07-15, open)          shares "sa" on 09-01
 *   B  STORE        [07-01, open)
 *   C  GROUP_CHAT   [08-10, 09-15)         visits GROUP_CHAT 09-20 and 10-05
 *   D  MEMBERSHIP   [08-20, 09-25)         (leaves)
 *   E  MEMBERSHIP   [07-01, open)          revokes MARKETING on ALL 08-15, grants SMS again 10-10
 *   F  LIVE [08-01T10, open) as F1, MEMBERSHIP [09-05, open) as F2; F1 and F2 merge (one person throughout)
 *   G  MEMBERSHIP   [07-01, erasure)       erased at the end of the setup (after the three periods)
 *   K  MINI_PROGRAM [08-01T10, open)
 *   H  none; visits STORE and LIVE 08-03.  V1: an anonymous device visiting STORE 08-04 and 09-04.
 *   W1..W20: anonymous devices visiting STORE 09-12; W1..W5 then follow the store, STORE [09-12T12, open).
 * </pre>
 * Qualifying orders (net): A a1 08-05 100, a2 09-03 100, a3 09-20 200 partly refunded 50 (net 150), a4 10-01 50,
 * a5 10-02 50, a6 10-03 30 through A's own share (no propagation); B b1 09-10 300 through "sa" (credited to A),
 * b2 10-15 100 refunded in full later (never qualifies); D d1 08-21 80; F f1 09-06 60, f2 09-07 40; G g1 08-08 120;
 * K k1 10-20 70 naming A as sharer (credited to A).
 */
@SpringBootTest
@Import(TestDatabase.class)
class FastPlusScenarioTests {

    @Autowired
    Facts facts;

    @Autowired
    FastPlusService fastPlus;

    @Autowired
    KpiService kpis;

    @Autowired
    BrandService brands;

    @Autowired
    PurchaseHistories purchases;

    @Autowired
    JdbcClient jdbc;

    String brand;

    @BeforeEach
    void scenario() {
        brand = facts.brand();
        facts.join(brand, "A", "2026-07-15T10:00");
        facts.share(brand, "A", "sa", "2026-09-01T10:00");
        facts.connect(brand, "B", Field.STORE, "2026-07-01T10:00");
        facts.connect(brand, "C", Field.GROUP_CHAT, "2026-08-10T10:00");
        facts.disconnect(brand, "C", Field.GROUP_CHAT, "2026-09-15T10:00");
        facts.visit(brand, person("C"), Field.GROUP_CHAT, "2026-09-20T10:00");
        facts.visit(brand, person("C"), Field.GROUP_CHAT, "2026-10-05T10:00");
        facts.join(brand, "D", "2026-08-20T10:00");
        facts.leave(brand, "D", "2026-09-25T10:00");
        facts.join(brand, "E", "2026-07-01T10:00");
        facts.consent(brand, "E", ConsentChannel.ALL, false, "2026-08-15T10:00");
        facts.consent(brand, "E", ConsentChannel.SMS, true, "2026-10-10T10:00");
        facts.connect(brand, "F1", Field.LIVE, "2026-08-01T10:00");
        facts.join(brand, "F2", "2026-09-05T10:00");
        facts.join(brand, "G", "2026-07-01T10:00");
        facts.connect(brand, "K", Field.MINI_PROGRAM, "2026-08-01T10:00");
        facts.visit(brand, person("H"), Field.STORE, "2026-08-03T10:00");
        facts.visit(brand, person("H"), Field.LIVE, "2026-08-03T10:00");
        facts.visit(brand, anonymous("v1"), Field.STORE, "2026-08-04T10:00");
        facts.visit(brand, anonymous("v1"), Field.STORE, "2026-09-04T10:00");
        facts.visit(brand, person("A"), Field.MINI_PROGRAM, "2026-09-02T10:00");
        for (int w = 1; w <= 20; w++) {
            facts.visit(brand, anonymous("w" + w), Field.STORE, "2026-09-12T10:00");
            if (w <= 5) {
                facts.connect(brand, anonymous("w" + w), Field.STORE, "2026-09-12T12:00");
            }
        }
        facts.buy(brand, "A", "2026-08-05T10:00", "100.00");
        facts.buy(brand, "A", "2026-09-03T10:00", "100.00");
        facts.order(brand, "a3", "A", "2026-09-20T10:00", "200.00", OrderStatus.PAID, null, null);
        facts.order(brand, "a3", "A", "2026-09-20T10:00", "200.00", OrderStatus.PARTIALLY_REFUNDED, "50.00", null);
        facts.buy(brand, "A", "2026-10-01T10:00", "50.00");
        facts.buy(brand, "A", "2026-10-02T10:00", "50.00");
        facts.buyReferred(brand, "A", "2026-10-03T10:00", "30.00", "sa", null);
        facts.buyReferred(brand, "B", "2026-09-10T10:00", "300.00", "sa", null);
        facts.order(brand, "b2", "B", "2026-10-15T10:00", "100.00", OrderStatus.PAID, null, null);
        facts.order(brand, "b2", "B", "2026-10-15T10:00", "100.00", OrderStatus.REFUNDED, null, null);
        facts.buy(brand, "D", "2026-08-21T10:00", "80.00");
        facts.buy(brand, "F2", "2026-09-06T10:00", "60.00");
        facts.buy(brand, "F2", "2026-09-07T10:00", "40.00");
        facts.buy(brand, "G", "2026-08-08T10:00", "120.00");
        facts.buyReferred(brand, "K", "2026-10-20T10:00", "70.00", null, "A");
        facts.link(brand, person("F1"), person("F2"));
        facts.erase(brand, "G");
    }

    @Test
    void capitalCountsPersonsWithARelationshipAtTheEndLessThoseWhoRevokedEverywhere() {
        List<FastPlusEntry> report = fastPlus.report(brand, "2026-08", "2026-10");

        assertThat(report).extracting(FastPlusEntry::period).containsExactly("2026-08", "2026-09", "2026-10");
        // 09-01: A B C D F G K (E revoked on ALL 08-15). 10-01: A B F G K W1-5 (C and D ended). 11-01: A B E F G K
        // W1-5 (E granted SMS again; G's erasure is later).
        assertThat(report).extracting(FastPlusEntry::capital).containsExactly(7L, 10L, 11L);
    }

    @Test
    void conversionCountsPersonsOfTheStartCapitalWhoseTierRose() {
        List<FastPlusEntry> report = fastPlus.report(brand, "2026-08", "2026-10");

        // August: base A B E G (08-01); A MEMBER -> PURCHASED, G MEMBER -> PURCHASED.
        assertThat(report.get(0).conversion()).isEqualTo(new FastPlusEntry.Conversion(2, 4, rate("0.5000")));
        // September: base A B C D F G K; A PURCHASED -> KOC, F BASIC -> REPEAT_MEMBER.
        assertThat(report.get(1).conversion()).isEqualTo(new FastPlusEntry.Conversion(2, 7, rate("0.2857")));
        // October: base A B F G K W1-5; nobody rose (A stays KOC, F falls to MEMBER).
        assertThat(report.get(2).conversion()).isEqualTo(new FastPlusEntry.Conversion(0, 10, rate("0.0000")));
    }

    @Test
    void connectionComparesVisitorsWithThoseHoldingARelationshipPerFieldAndOverall() {
        List<FastPlusEntry> report = fastPlus.report(brand, "2026-08", "2026-10");

        // August: STORE H, V1; LIVE H; nobody related.
        assertThat(report.get(0).connection().fields()).isEqualTo(Map.of(
                "STORE", reach(0, 2, "0.0000"), "LIVE", reach(0, 1, "0.0000")));
        assertThat(report.get(0).connection().all()).isEqualTo(reach(0, 2, "0.0000"));
        // September: STORE V1 and W1-20, of whom W1-5 related; GROUP_CHAT C (until 09-15); MINI_PROGRAM A.
        assertThat(report.get(1).connection().fields()).isEqualTo(Map.of(
                "STORE", reach(5, 21, "0.2381"), "GROUP_CHAT", reach(1, 1, "1.0000"),
                "MINI_PROGRAM", reach(1, 1, "1.0000")));
        assertThat(report.get(1).connection().all()).isEqualTo(reach(7, 23, "0.3043"));
        // October: C visits, but holds no relationship any more.
        assertThat(report.get(2).connection().all()).isEqualTo(reach(0, 1, "0.0000"));
    }

    @Test
    void clvIsOwnPlusPropagationValueOverTheCapitalAtTheEnd() {
        List<FastPlusEntry> report = fastPlus.report(brand, "2026-08", "2026-10");

        // 09-01: A 100, D 80, G 120, B C F K 0 -> mean 300/7, median 0, p90 at 5.4: 100 + 0.4 * 20.
        assertThat(report.get(0).clv()).isEqualTo(new FastPlusEntry.Clv(money("42.86"), money("0.00"),
                money("108.00"), Map.of("PURCHASED_MEMBER", money("100.00"), "BASIC", money("0.00"))));
        // 10-01: A 350 own + 300 (b1) = 650, B 300, F 100, G 120, K 0, W1-5 0 -> mean 1170/10, median 0,
        // p90 at 8.1: 300 + 0.1 * 350; BASIC (B, K, W1-5) 300/7.
        assertThat(report.get(1).clv()).isEqualTo(new FastPlusEntry.Clv(money("117.00"), money("0.00"),
                money("335.00"), Map.of("KOC", money("650.00"), "REPEAT_MEMBER", money("100.00"),
                        "MEMBER", money("120.00"), "BASIC", money("42.86"))));
        // 11-01: A 480 + 370 = 850, B 300 (b2 refunded), E 0, F 100, G 120, K 70, W1-5 0 -> mean 1440/11,
        // median 0, p90 at 9.0: 300; MEMBER (E F G) 220/3, BASIC (B K W1-5) 370/7.
        assertThat(report.get(2).clv()).isEqualTo(new FastPlusEntry.Clv(money("130.91"), money("0.00"),
                money("300.00"), Map.of("KOC", money("850.00"), "MEMBER", money("73.33"),
                        "BASIC", money("52.86"))));
    }

    @Test
    void ownValuesReadFromKeptPurchaseHistoriesGiveTheSameReport() {
        List<FastPlusEntry> fromOrders = fastPlus.report(brand, "2026-08", "2026-10");
        assertThat(purchases.ensureFresh(brands.context(brand))).isTrue();
        forgetStoredReports();

        List<FastPlusEntry> fromHistories = fastPlus.report(brand, "2026-08", "2026-10");

        assertThat(fromHistories).usingRecursiveComparison().ignoringFields("computedAt").isEqualTo(fromOrders);
        // and they are what was read: 10 more in A's running net amount at 09-20 (the third day) shows at 10-01
        jdbc.sql("""
                        update segmentation.purchase_history set net_amounts[3] = net_amounts[3] + 10
                         where brand_id = ? and member_id = ?
                        """).param(facts.brandId(brand)).param(facts.memberId(brand, "A")).update();
        forgetStoredReports();
        assertThat(fastPlus.report(brand, "2026-09", "2026-09").getFirst().clv().byTier().get("KOC"))
                .isEqualTo(money("660.00"));
    }

    private void forgetStoredReports() {
        jdbc.sql("delete from metrics.fast_plus_period where brand_id = ?").param(facts.brandId(brand)).update();
    }

    @Test
    void personsPerTierFollowTheTierRules() {
        List<FastPlusEntry> report = fastPlus.report(brand, "2026-08", "2026-10");

        // 30 persons: A B C D E F G H K V1 W1-20.
        assertThat(report.get(0).tiers()).isEqualTo(tiers(22, 4, 1, 3, 0, 0));
        assertThat(report.get(1).tiers()).isEqualTo(tiers(17, 8, 3, 0, 1, 1));
        assertThat(report.get(2).tiers()).isEqualTo(tiers(19, 7, 3, 0, 0, 1));
    }

    @Test
    void aPersonsClvSplitsOwnAndPropagationValueWithItsOrders() {
        long a = facts.memberId(brand, "A");

        MemberClv clv = fastPlus.clv(brand, a, Facts.at("2026-11-01T00:00").toInstant());

        assertThat(clv.own()).isEqualByComparingTo("480.00");
        assertThat(clv.propagation()).isEqualByComparingTo("370.00");
        assertThat(clv.clv()).isEqualByComparingTo("850.00");
        assertThat(clv.propagationOrders()).extracting(MemberClv.PropagationOrder::net)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(money("300.00"), money("70.00"));
        assertThat(clv.propagationOrders().getFirst().buyerId()).isEqualTo(facts.memberId(brand, "B"));
    }

    @Test
    void theDrillDownListsThePersonsBehindAFigure() {
        List<Long> capital = fastPlus.persons(brand, "2026-08", Figure.CAPITAL, null, 0, 100).memberIds();
        assertThat(capital).hasSize(7).contains(facts.memberId(brand, "A"), facts.memberId(brand, "F1"));

        var deepened = fastPlus.persons(brand, "2026-09", Figure.CONVERSION_DEEPENED, null, 0, 1);
        assertThat(deepened.memberIds()).hasSize(1);
        var rest = fastPlus.persons(brand, "2026-09", Figure.CONVERSION_DEEPENED, null, deepened.nextAfter(), 1);
        assertThat(rest.nextAfter()).isNull();
        assertThat(List.of(deepened.memberIds().getFirst(), rest.memberIds().getFirst()))
                .containsExactlyInAnyOrder(facts.memberId(brand, "A"), facts.memberId(brand, "F1"));

        assertThat(fastPlus.persons(brand, "2026-09", Figure.CONNECTION_ACTIVE, "STORE", 0, 100).memberIds())
                .hasSize(5);
        assertThat(fastPlus.persons(brand, "2026-09", Figure.CONNECTION_VISITORS, null, 0, 100).memberIds())
                .hasSize(23);
    }

    @Test
    void aClosedPeriodIsRecomputedWhenLateDataTouchesIt() {
        List<FastPlusEntry> first = fastPlus.report(brand, "2026-08", "2026-10");

        // I's joining on 09-01 arrives late: September and October change, August does not.
        facts.join(brand, "I", "2026-09-01T12:00");
        List<FastPlusEntry> second = fastPlus.report(brand, "2026-08", "2026-10");

        assertThat(second.get(0).computedAt()).isEqualTo(first.get(0).computedAt());
        assertThat(second.get(1).computedAt()).isAfter(first.get(1).computedAt());
        assertThat(second.get(1).capital()).isEqualTo(11);
        assertThat(second.get(1).tiers().get("MEMBER")).isEqualTo(4);
        assertThat(second.get(2).capital()).isEqualTo(12);
    }

    @Test
    void anErasedPersonLeavesTheCapitalAfterTheErasure() {
        FastPlusEntry now = fastPlus.report(brand, null, null).getFirst();

        // Today: A B E F K W1-5; G's membership ended at its erasure.
        assertThat(now.capital()).isEqualTo(10);
    }

    @Test
    void classicKpisPerPeriod() {
        List<KpiEntry> entries = kpis.kpis(brand, "2026-08", "2026-10");

        // Repurchase: August A D G one day each; September A (2 days), B (1), F (2); October A (3), K (1).
        assertThat(entries).extracting(e -> e.repurchase().rate())
                .containsExactly(rate("0.0000"), rate("0.6667"), rate("0.5000"));
        // Members: purchases as a member. August A D G (1 day); September A F (2); October A (3).
        assertThat(entries).extracting(e -> e.memberRepurchase().rate())
                .containsExactly(rate("0.0000"), rate("1.0000"), rate("1.0000"));
        // Member GMV: August 300 of 300; September 100 + 150 + 60 + 40 of 650; October 130 of 200.
        assertThat(entries).extracting(e -> e.memberGmvShare().rate())
                .containsExactly(rate("1.0000"), rate("0.5385"), rate("0.6500"));
        // First joins: D in August, F in September.
        assertThat(entries).extracting(KpiEntry::newMembers).containsExactly(1L, 1L, 0L);
        // Active members: August A D G of A D E G; September A F of A D E F G; October A of A E F G.
        assertThat(entries).extracting(e -> e.activeMembers().rate())
                .containsExactly(rate("0.7500"), rate("0.4000"), rate("0.2500"));
    }

    @Test
    void theRetentionMatrixFollowsEachJoinCohort() {
        RetentionMatrix matrix = kpis.retention(brand, "2026-07", "2026-10");

        // July: A E G, members through October (G's erasure is later). August: D, gone in October. September: F.
        assertThat(matrix.cohorts()).containsExactly(
                new RetentionMatrix.Cohort("2026-07", 3, List.of(3L, 3L, 3L, 3L)),
                new RetentionMatrix.Cohort("2026-08", 1, List.of(1L, 1L, 0L)),
                new RetentionMatrix.Cohort("2026-09", 1, List.of(1L, 1L)));
    }

    private static Map<String, Long> tiers(long none, long basic, long member, long purchased, long repeat, long koc) {
        return Map.of("NONE", none, "BASIC", basic, "MEMBER", member, "PURCHASED_MEMBER", purchased,
                "REPEAT_MEMBER", repeat, "KOC", koc);
    }

    private static FastPlusEntry.Reach reach(long active, long visitors, String rate) {
        return new FastPlusEntry.Reach(active, visitors, rate(rate));
    }

    private static BigDecimal rate(String rate) {
        return new BigDecimal(rate);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
