package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.NewBrand;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;
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

    private static final String RULE = """
            {"all":[{"type":"tier","tiers":["PURCHASED_MEMBER"]},
                    {"type":"rfm","recencyScores":[5]},
                    {"type":"orders","metric":"count","op":"gte","value":1,"window":{"last":"P30D"}}]}""";

    @Autowired
    SegmentService segments;

    @Autowired
    EventService events;

    @Autowired
    OrderService orders;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConnectionsPerThread connections;

    String brand;

    @BeforeEach
    void brandWithABuyingMember() {
        brand = "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        brands.create(new NewBrand(brand, "Brand " + brand, null, null));
        OffsetDateTime now = OffsetDateTime.now();
        List<Identity> ids = List.of(new Identity(IdentityType.MEMBER_NO, "a"));
        events.record(brand, new NewEvent("join", "JOIN_MEMBERSHIP", now.minusDays(40), ids, null, null, null, null,
                null, null, null, null));
        orders.record(brand, new NewOrder("o1", ids, now.minusHours(1), new BigDecimal("10.00"), OrderStatus.PAID,
                null, "TMALL", null, null));
    }

    @Test
    void previewAndRefreshHoldOneConnectionAtATime() {
        long id = segments.create(brand, new SegmentDefinition("buyers", null, JsonMapper.builder().build()
                .readTree(RULE), "PT1H")).id();
        connections.watchThisThread();

        assertThat(segments.preview(brand, JsonMapper.builder().build().readTree(RULE)).count()).isEqualTo(1);
        assertThat(connections.mostHeld()).isEqualTo(1);
        jdbc.sql("insert into core.orders (brand_id, order_id, member_id, paid_at, amount, status, received_at,"
                + " updated_at) select brand_id, 'o2', member_id, paid_at, amount, status, now(), now()"
                + " from core.orders where order_id = 'o1'").update(); // late data: the facts are computed again
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
}
