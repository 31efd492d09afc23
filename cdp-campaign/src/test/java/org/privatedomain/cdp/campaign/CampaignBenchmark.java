package org.privatedomain.cdp.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.campaign.campaign.Audience;
import org.privatedomain.cdp.campaign.campaign.CampaignService;
import org.privatedomain.cdp.campaign.campaign.CampaignView;
import org.privatedomain.cdp.campaign.campaign.NewCampaign;
import org.privatedomain.cdp.campaign.delivery.Channel;
import org.privatedomain.cdp.campaign.delivery.Dispatcher;
import org.privatedomain.cdp.campaign.report.CampaignReport;
import org.privatedomain.cdp.campaign.report.CampaignReportService;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (the build runs only *Tests): times a launch to a tag audience, its dispatch through the stand-in
 * adapter and the report, on persons written straight into the tables. Run with
 * {@code ./mvnw -B -q -pl cdp-campaign -am verify -Dtest=CampaignBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcdp.bench.persons=50000}.
 */
@SpringBootTest(properties = "logging.level.org.privatedomain.cdp.campaign.delivery.StandInAdapter=WARN")
@Import(TestDatabase.class)
class CampaignBenchmark {

    @Autowired
    CampaignFacts facts;
    @Autowired
    TestClock clock;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    CampaignReportService reports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void launchDispatchAndReport() {
        int persons = Integer.getInteger("cdp.bench.persons", 50_000);
        clock.set(Instant.now().minus(Duration.ofDays(1)));
        String brand = facts.brand();
        long brandId = jdbc.sql("select id from core.brand where code = :code").param("code", brand)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into core.member (brand_id, name, city, created_at, updated_at)
                        select :brand, 'Name ' || i, 'City ' || (i % 300), now(), now()
                          from generate_series(1, :persons) as i
                        """)
                .param("brand", brandId).param("persons", persons).update();
        jdbc.sql("""
                        insert into core.member_tag (brand_id, member_id, tag, tagged_at)
                        select brand_id, id, 'vip', now() from core.member where brand_id = :brand
                        """)
                .param("brand", brandId).update();
        jdbc.sql("""
                        insert into core.relationship (brand_id, member_id, field, origin_member_id, connected_at)
                        select brand_id, id, 'MEMBERSHIP', id, now() - interval '30 days'
                          from core.member where brand_id = :brand
                        """)
                .param("brand", brandId).update();
        jdbc.sql("analyze core.member; analyze core.member_tag; analyze core.relationship").update();
        CampaignView campaign = campaigns.create(brand, new NewCampaign("Bench", null, new Audience(null, null, "vip"),
                null, Channel.SMS, "Hi {{name}} in {{city}}: {{coupon}}", new BigDecimal("0.1"), 7, null));
        campaigns.uploadCoupons(brand, campaign.id(),
                LongStream.range(0, persons).mapToObj(i -> "C" + i).toList());

        long launch = System.nanoTime();
        campaigns.launch(brand, campaign.id());
        long launched = System.nanoTime();
        Dispatcher.Round round = dispatcher.dispatch();
        long dispatched = System.nanoTime();
        CampaignReport report = reports.report(brand, campaign.id());
        long reported = System.nanoTime();

        System.out.printf("BENCH persons=%d launch(freeze+holdout+consent+cap+coupons+outbox)=%.2fs"
                        + " dispatch=%d sent in %.2fs (%.0f/s) report=%.2fs holdout=%d%n",
                persons, (launched - launch) / 1e9, round.sent(), (dispatched - launched) / 1e9,
                round.sent() / ((dispatched - launched) / 1e9), (reported - dispatched) / 1e9,
                report.audience().campaignHoldout());
    }
}
