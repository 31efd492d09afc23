package org.privatedomain.cdp.segmentation.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class PurchaseHistoriesTests {

    @Autowired
    PurchaseHistories histories;

    @Autowired
    Facts facts;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void keepQualifyingDaysInTheBrandsTimezoneWithRunningCountsAndNetAmounts() {
        String brand = facts.brand();
        facts.buy(brand, "P1", "2026-10-01T23:59", "10.00");
        facts.buy(brand, "P1", "2026-10-01T00:00", "5.50"); // the same local day
        facts.buy(brand, "P1", "2026-10-02T00:00", "20.00"); // the next one (16:00 UTC the day before)
        facts.order(brand, "refunded", "P1", "2026-10-03T10:00", "99.00", OrderStatus.REFUNDED, "99.00", null);
        facts.order(brand, "partly", "P1", "2026-10-05T10:00", "50.00", OrderStatus.PARTIALLY_REFUNDED, "20.00", null);
        facts.order(brand, "nothing-left", "P2", "2026-10-05T10:00", "0.00", OrderStatus.PAID, null, null);

        histories.ensureFresh(brands.context(brand));

        assertThat(history(brand, "P1")).containsExactly("{2026-10-01,2026-10-02,2026-10-05}", "{2,3,4}",
                "{15.50,35.50,65.50}");
        assertThat(history(brand, "P2")).isEmpty(); // no qualifying order, no row
    }

    @Test
    void aBackgroundRefreshWaitsForALoadToEndBeforeComputingWholeButFollowsLateWritesMeanwhile() {
        String brand = facts.brand();
        facts.buy(brand, "P1", "2026-10-01T10:00", "10.00");

        assertThat(histories.refreshUnlessLoading(brands.context(brand), Duration.ofHours(1))).isFalse();
        assertThat(history(brand, "P1")).isEmpty();
        assertThat(histories.refreshUnlessLoading(brands.context(brand), Duration.ZERO)).isTrue();
        assertThat(history(brand, "P1")).containsExactly("{2026-10-01}", "{1}", "{10.00}");

        facts.buy(brand, "P1", "2026-09-30T10:00", "1.00"); // a few persons touched: recomputed while loading
        assertThat(histories.refreshUnlessLoading(brands.context(brand), Duration.ofHours(1))).isTrue();
        assertThat(history(brand, "P1")).containsExactly("{2026-09-30,2026-10-01}", "{1,2}", "{1.00,11.00}");
    }

    @Test
    void historiesComputedUnderSettingsThatChangedMeanwhileAreComputedAgain() {
        String brand = facts.brand();
        facts.buy(brand, "P1", "2026-10-02T06:00", "10.00"); // 2026-10-01 22:00 in UTC
        BrandContext before = brands.context(brand);
        BrandSettings settings = before.settings();
        brands.changeSettings(brand, new BrandSettings("UTC", settings.periodType(), settings.rfm(), settings.tiers(),
                settings.capitalRequiresConsent(), settings.weakIdentityTypes()));

        // a refresh that read the settings before the change committed stores what it computed under them
        assertThat(histories.ensureFresh(before)).isTrue();
        assertThat(history(brand, "P1")).containsExactly("{2026-10-02}", "{1}", "{10.00}");
        assertThat(histories.ensureFresh(brands.context(brand))).isTrue();
        assertThat(history(brand, "P1")).containsExactly("{2026-10-01}", "{1}", "{10.00}");
    }

    @Test
    void aRefreshUnderWayElsewhereIsNotWaitedFor() throws Exception {
        String brand = facts.brand();
        facts.buy(brand, "P1", "2026-10-01T10:00", "10.00");
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtextextended('purchase-history:' || "
                    + facts.brandId(brand) + ", 0))");

            assertThat(histories.ensureFresh(brands.context(brand))).isFalse();
            assertThat(history(brand, "P1")).isEmpty();

            statement.execute("select pg_advisory_unlock_all()");
        }
        assertThat(histories.ensureFresh(brands.context(brand))).isTrue();
        assertThat(history(brand, "P1")).containsExactly("{2026-10-01}", "{1}", "{10.00}");
    }

    @Test
    void aMergeMovesTheMergedPersonsDaysToTheSurvivor() {
        String brand = facts.brand();
        facts.buy(brand, "P1", "2026-10-01T10:00", "10.00");
        facts.buy(brand, "P2", "2026-10-01T12:00", "1.00");
        facts.buy(brand, "P2", "2026-10-03T12:00", "2.00");
        histories.ensureFresh(brands.context(brand));
        long p2 = facts.memberId(brand, "P2");

        facts.link(brand, Facts.person("P1"), Facts.person("P2"));
        histories.ensureFresh(brands.context(brand));

        long survivor = facts.memberId(brand, "P1");
        assertThat(survivor).isEqualTo(facts.memberId(brand, "P2"));
        assertThat(historyOf(brand, survivor)).containsExactly("{2026-10-01,2026-10-03}", "{2,3}", "{11.00,13.00}");
        assertThat(historyOf(brand, survivor == p2 ? facts.memberId(brand, "P1") : p2)).isEmpty();
    }

    private List<String> history(String brand, String person) {
        return historyOf(brand, facts.memberId(brand, person));
    }

    private List<String> historyOf(String brand, long memberId) {
        return jdbc.sql("""
                        select days::text, orders::text, net_amounts::text from segmentation.purchase_history
                         where brand_id = ? and member_id = ?
                        """)
                .params(facts.brandId(brand), memberId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(List.of());
    }
}
