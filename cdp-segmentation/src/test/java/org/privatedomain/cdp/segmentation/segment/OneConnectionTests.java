package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.testsupport.ConnectionsPerThread;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A preview or refresh whose rule names computed facts (tiers, RFM, purchase histories, each made fresh in a
 * transaction of its own) must never hold one database connection while it takes a second: as many such requests
 * as the pool has connections would each hold one and wait for another, for good.
 */
@SpringBootTest
@Import({TestDatabase.class, ConnectionsPerThread.class})
class OneConnectionTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final String RULE = """
            {"all":[{"type":"tier","tiers":["PURCHASED_MEMBER"]},
                    {"type":"rfm","recencyScores":[5]},
                    {"type":"orders","metric":"count","op":"gte","value":1,"window":{"last":"P30D"}}]}""";

    @Autowired
    SegmentService segments;

    @Autowired
    Facts facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConnectionsPerThread connections;

    String brand;
    String thisMinute; // a purchase now is in the current period and today, whatever the hour

    @BeforeEach
    void brandWithABuyingMember() {
        brand = facts.brand();
        thisMinute = shanghai(LocalDateTime.now(SHANGHAI));
        facts.join(brand, "a", shanghai(LocalDateTime.now(SHANGHAI).minusDays(40)));
        facts.buy(brand, "a", thisMinute, "10.00");
    }

    @Test
    void previewAndRefreshHoldOneConnectionAtATime() {
        long id = segments.create(brand, new SegmentDefinition("buyers", null, JsonMapper.builder().build()
                .readTree(RULE), "PT1H")).id();
        connections.watchThisThread();

        assertThat(segments.preview(brand, JsonMapper.builder().build().readTree(RULE)).count()).isEqualTo(1);
        assertThat(connections.mostHeld()).isEqualTo(1);
        facts.buy(brand, "a", thisMinute, "5.00"); // late data: the facts are computed again
        connections.watchThisThread();
        assertThat(segments.refresh(brand, id).size()).isEqualTo(1);
        assertThat(connections.mostHeld()).isEqualTo(1);

        jdbc.sql("update segmentation.segment set next_refresh_at = now() - interval '1 minute', refreshed_at = null"
                + " where id = :id").param("id", id).update();
        connections.watchThisThread();
        assertThat(segments.refreshDue()).isPositive();
        assertThat(connections.mostHeld()).isEqualTo(1);
        assertThat(jdbc.sql("select refreshed_at is not null and next_refresh_at > now() from segmentation.segment"
                + " where id = :id").param("id", id).query(Boolean.class).single()).isTrue();
    }

    /** Facts take local times in the brand's timezone, to the minute. */
    private static String shanghai(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
