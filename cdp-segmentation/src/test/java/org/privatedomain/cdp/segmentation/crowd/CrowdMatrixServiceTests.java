package org.privatedomain.cdp.segmentation.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class CrowdMatrixServiceTests {

    @Autowired
    Facts facts;

    @Autowired
    CrowdMatrixService crowd;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachPersonLandsInTheCellOfTierValueAndPropagation() {
        String brand = facts.brand();
        // A: member, two days (100 + 300); B buys 50 through A's share, C buys 150 naming A -> KOC, propagation 200.
        facts.join(brand, "A", "2026-09-01T10:00");
        facts.buy(brand, "A", "2026-10-02T10:00", "100.00");
        facts.buy(brand, "A", "2026-10-09T10:00", "300.00");
        facts.share(brand, "A", "share-a", "2026-10-09T11:00");
        facts.buyReferred(brand, "B", "2026-10-10T10:00", "50.00", "share-a", null);
        // C: follows the store (BASIC), buys 150 naming A; D, a member, buys 20 naming C -> C propagation 20.
        facts.connect(brand, "C", Field.STORE, "2026-09-01T10:00");
        facts.buyReferred(brand, "C", "2026-10-11T10:00", "150.00", null, "A");
        facts.join(brand, "D", "2026-09-01T10:00");
        facts.buyReferred(brand, "D", "2026-10-05T10:00", "20.00", null, "C");
        // E: member without purchases.
        facts.join(brand, "E", "2026-09-01T10:00");

        CrowdMatrix matrix = crowd.matrix(brand, "2026-10");

        // M as of 2026-10-31: 20, 50, 150, 400 -> cut points 38, 70, 130, 250: A 5 HIGH, C 4 HIGH, B 2 LOW, D 1 LOW.
        // Propagation GMV: A 200, C 20 -> median 110: A HIGH, C SOME.
        assertThat(matrix.rfmAsOf()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(matrix.propagationMedian()).isEqualByComparingTo("110");
        assertThat(matrix.cells()).extracting(CrowdMatrixServiceTests::text).containsExactlyInAnyOrder(
                        cell(Tier.KOC, ValueBand.HIGH, PropagationBand.HIGH, "400", "200", "200"),
                        cell(Tier.BASIC, ValueBand.HIGH, PropagationBand.SOME, "150", "20", "150"),
                        cell(Tier.PURCHASED_MEMBER, ValueBand.LOW, PropagationBand.NONE, "20", "0", "20"),
                        cell(Tier.MEMBER, ValueBand.NONE, PropagationBand.NONE, "0", "0", null),
                        cell(Tier.NONE, ValueBand.LOW, PropagationBand.NONE, "50", "0", "50"));
    }

    @Test
    void aPersonErasedBeforeTheRfmInstantHasNoValueBandThoughTheirPeriodStillCounts() {
        String brand = facts.brand();
        facts.join(brand, "F", "2026-09-01T10:00");
        facts.buy(brand, "F", "2026-10-03T10:00", "500.00");
        facts.join(brand, "G", "2026-09-01T10:00");
        facts.buy(brand, "G", "2026-10-04T10:00", "80.00");
        long f = facts.memberId(brand, "F");
        facts.erase(brand, "F");
        // as if erased on 2026-10-20: after October began, before the instant of the RFM run as of 2026-10-31
        jdbc.sql("update core.member set erased_at = timestamptz '2026-10-20T10:00:00+08:00' where id = ?")
                .param(f).update();

        CrowdMatrix matrix = crowd.matrix(brand, "2026-10");

        // RFM scored G alone (M 80: every cut point 80, so M score 1, LOW); F, erased before its instant, is unscored
        assertThat(matrix.cells()).filteredOn(cell -> cell.ownGmv().compareTo(new BigDecimal("500")) == 0)
                .extracting(CrowdCell::value).containsOnly(ValueBand.NONE);
        assertThat(matrix.cells()).filteredOn(cell -> cell.ownGmv().compareTo(new BigDecimal("80")) == 0)
                .extracting(CrowdCell::value).containsExactly(ValueBand.LOW);
    }

    /** One person per cell: tier/value/propagation persons own propagated average. */
    private static String cell(Tier tier, ValueBand value, PropagationBand propagation, String own,
            String propagated, String averageOrderValue) {
        return text(new CrowdCell(tier, value, propagation, 1, new BigDecimal(own), new BigDecimal(propagated),
                averageOrderValue == null ? null : new BigDecimal(averageOrderValue)));
    }

    private static String text(CrowdCell cell) {
        return cell.tier() + "/" + cell.value() + "/" + cell.propagation() + " " + cell.persons() + " "
                + plain(cell.ownGmv()) + " " + plain(cell.propagationGmv()) + " " + plain(cell.averageOrderValue());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
