package org.privatedomain.cdp.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.KeyLookupPlans;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.event.EventHistory;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.event.TimelineEntry;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.Disclosure;
import org.privatedomain.cdp.core.member.MemberMergedException;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class OrderServiceTests {

    private static final Identity PHONE = new Identity(IdentityType.PHONE, "13812345678");
    private static final Identity UNIONID = new Identity(IdentityType.WECHAT_UNIONID, "oU1");

    @Autowired
    OrderService orders;

    @Autowired
    EventService events;

    @Autowired
    EventHistory history;

    @Autowired
    MemberService members;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    String brand;

    @BeforeEach
    void newBrand() {
        brand = TestBrands.create(brands);
    }

    @Test
    void aRecordedOrderIsFoundByItsKeyUnderStatisticsTakenWhileItsBrandHadNone() {
        String busy = TestBrands.create(brands);
        orders.record(busy, order("seed", List.of(PHONE), "10.00", OrderStatus.PAID, null));
        KeyLookupPlans.fillAndAnalyse(jdbc, "orders", busy, "order_id", "seed", "paid_at");

        String plan = KeyLookupPlans.plan(jdbc, OrderService.BUYERS,
                Map.of("brand", KeyLookupPlans.brandId(jdbc, brand), "ids", new String[] {"o1", "o2"}));

        assertThat(plan).contains("orders_pkey").doesNotContain("_idx");
    }

    @Test
    void aResentOrderUpdatesItsRefund() {
        RecordedOrder paid = orders.record(brand, order("o1", List.of(PHONE), "199.00", OrderStatus.PAID, null));

        RecordedOrder refunded = orders.record(brand,
                order("o1", List.of(PHONE), "199.00", OrderStatus.PARTIALLY_REFUNDED, "50.5"));

        assertThat(paid.updated()).isFalse();
        assertThat(refunded.updated()).isTrue();
        assertThat(refunded.memberId()).isEqualTo(paid.memberId());
        assertThat(jdbc.sql("select status, refunded_amount from core.orders where order_id = 'o1' and member_id = ?")
                .param(paid.memberId()).query((rs, row) -> rs.getString(1) + " " + rs.getBigDecimal(2)).single())
                .isEqualTo("PARTIALLY_REFUNDED 50.50");
    }

    @Test
    void aFullRefundNeedsNoAmountAndRefundsMustFitTheStatus() {
        orders.record(brand, order("o2", List.of(PHONE), "88.00", OrderStatus.REFUNDED, null));
        assertThat(jdbc.sql("select refunded_amount from core.orders where order_id = 'o2'")
                .query(BigDecimal.class).list()).singleElement().isEqualTo(new BigDecimal("88.00"));

        assertThatThrownBy(() -> orders.record(brand, order("o3", List.of(PHONE), "88.00",
                OrderStatus.PARTIALLY_REFUNDED, "88.00"))).isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> orders.record(brand, order("o3", List.of(PHONE), "88.00",
                OrderStatus.PAID, "1.00"))).isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> orders.record(brand, order("o3", List.of(PHONE), "88.00",
                OrderStatus.REFUNDED, "99.00"))).isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void aLaterOrderLinkingTwoPersonsMergesThemWithTheirHistory() {
        long byPhone = orders.record(brand, order("o1", List.of(PHONE), "10.00", OrderStatus.PAID, null)).memberId();
        long byWechat = events.record(brand, new NewEvent("e1", "CONNECT", OffsetDateTime.parse("2026-01-02T00:00:00Z"),
                List.of(UNIONID), Field.GROUP_CHAT, null, null, null, null, null, null, null)).memberId();
        orders.record(brand, order("o2", List.of(UNIONID), "20.00", OrderStatus.PAID, null));

        long person = orders.record(brand, order("o3", List.of(UNIONID, PHONE), "30.00", OrderStatus.PAID, null))
                .memberId();

        assertThat(person).isEqualTo(byPhone);
        assertThatThrownBy(() -> members.get(brand, byWechat, Disclosure.FULL))
                .isInstanceOf(MemberMergedException.class);
        assertThat(history.timeline(brand, person, null, 10).items()).extracting(TimelineEntry::id)
                .containsExactlyInAnyOrder("o1", "o2", "o3", "e1");
        assertThat(history.relationships(brand, person)).hasSize(1);
        assertThat(jdbc.sql("select cause from core.member_merge where merged_member_id = ?").param(byWechat)
                .query(String.class).single()).isEqualTo("order:o3");
    }

    @Test
    void aSharerNamedByIdentityIsResolvedAndFollowsMerges() {
        NewOrder referred = new NewOrder("r1", List.of(new Identity(IdentityType.MEMBER_NO, "buyer")),
                OffsetDateTime.parse("2026-02-01T12:00:00+08:00"), new BigDecimal("66.00"), OrderStatus.PAID, null,
                "MINI_PROGRAM", new Referral(null, UNIONID), null);
        long sharer = orders.record(brand, order("o1", List.of(UNIONID), "1.00", OrderStatus.PAID, null)).memberId();
        long sharerByPhone = orders.record(brand, order("o0", List.of(PHONE), "1.00", OrderStatus.PAID, null))
                .memberId();

        orders.record(brand, referred);
        orders.record(brand, order("o9", List.of(PHONE, UNIONID), "1.00", OrderStatus.PAID, null));

        assertThat(sharerByPhone).isGreaterThan(sharer);
        assertThat(jdbc.sql("select referral_member_id from core.orders where order_id = 'r1'")
                .query(Long.class).list()).containsExactly(sharer);
    }

    @Test
    void theTimelineShowsOrdersWithTheirFigures() {
        long member = orders.record(brand, new NewOrder("o1", List.of(PHONE),
                OffsetDateTime.parse("2026-02-01T12:00:00+08:00"), new BigDecimal("199.00"),
                OrderStatus.PAID, null, "TMALL", null,
                List.of(new OrderItem("SKU-1", 2, new BigDecimal("99.50"))))).memberId();

        TimelineEntry entry = history.timeline(brand, member, null, 10).items().getFirst();

        assertThat(entry.kind()).isEqualTo("ORDER");
        assertThat(entry.type()).isEqualTo("PAID");
        assertThat(entry.details()).containsEntry("channel", "TMALL").containsKey("amount")
                .containsEntry("items", List.of(Map.of("sku", "SKU-1", "quantity", 2, "price", 99.50)));
    }

    private static NewOrder order(String id, List<Identity> identities, String amount, OrderStatus status,
            String refunded) {
        return new NewOrder(id, identities, OffsetDateTime.parse("2026-01-01T10:00:00+08:00"), new BigDecimal(amount),
                status, refunded == null ? null : new BigDecimal(refunded), null, null, null);
    }
}
