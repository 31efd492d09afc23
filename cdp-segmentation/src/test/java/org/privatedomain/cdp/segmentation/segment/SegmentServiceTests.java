package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.NewBrand;
import org.privatedomain.cdp.core.error.ConflictException;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.ConsentPurpose;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.Gender;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderItem;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Segments against PostgreSQL on small hand-made brands: every leaf kind in and out, at its edges. */
@SpringBootTest
@Import(TestDatabase.class)
class SegmentServiceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SegmentService segments;

    @Autowired
    MemberService members;

    @Autowired
    EventService events;

    @Autowired
    OrderService orders;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentRefresher refresher;

    @Autowired
    PlatformTransactionManager transactions;

    String brand;
    int sequence;

    @BeforeEach
    void newBrand() {
        brand = "s" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        brands.create(new NewBrand(brand, "Brand " + brand, null, null));
    }

    @Test
    void profileFieldsAreComparedAndNotIncludesMembersWithoutTheValue() {
        long hangzhou = person("a", new MemberProfile(ids("a"), "张伟", Gender.MALE, LocalDate.parse("1990-05-01"),
                "杭州", "浙江", OffsetDateTime.parse("2024-03-01T10:00:00+08:00"), null));
        long shanghai = person("b", new MemberProfile(ids("b"), null, Gender.FEMALE, LocalDate.parse("1992-12-31"),
                "上海", null, OffsetDateTime.parse("2025-01-01T00:00:00+08:00"), null));
        long nowhere = person("c", null);

        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"city\",\"op\":\"in\",\"value\":[\"杭州\",\"北京\"]}"))
                .containsExactly(hangzhou);
        assertThat(matching("{\"not\":{\"type\":\"profile\",\"attribute\":\"city\",\"op\":\"eq\",\"value\":\"杭州\"}}"))
                .containsExactlyInAnyOrder(shanghai, nowhere);
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"gender\",\"op\":\"eq\",\"value\":\"FEMALE\"}"))
                .containsExactly(shanghai);
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"birthdayMonth\",\"op\":\"in\",\"value\":[5,6]}"))
                .containsExactly(hangzhou);
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"name\",\"op\":\"exists\"}")).containsExactly(hangzhou);
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"province\",\"op\":\"exists\"}")).containsExactly(hangzhou);
        // registeredAt: the brand's local midnight of the date; gt excludes the very instant, gte includes it
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"registeredAt\",\"op\":\"gt\",\"value\":\"2025-01-01\"}"))
                .isEmpty();
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"registeredAt\",\"op\":\"gte\",\"value\":\"2025-01-01\"}"))
                .containsExactly(shanghai);
        assertThat(matching("{\"type\":\"profile\",\"attribute\":\"registeredAt\",\"op\":\"lt\",\"value\":\"2025-01-01T00:00:00+08:00\"}"))
                .containsExactly(hangzhou);
    }

    @Test
    void brandAttributesCompareByJsonType() {
        long gold = person("a", profile("a", Map.of("level", "gold", "points", 120)));
        long silver = person("b", profile("b", Map.of("level", "silver", "points", new BigDecimal("99.5"))));
        long textPoints = person("c", profile("c", Map.of("points", "500")));
        person("d", null);

        assertThat(matching("{\"type\":\"attribute\",\"key\":\"level\",\"op\":\"eq\",\"value\":\"gold\"}"))
                .containsExactly(gold);
        assertThat(matching("{\"type\":\"attribute\",\"key\":\"points\",\"op\":\"eq\",\"value\":120.0}"))
                .containsExactly(gold);
        assertThat(matching("{\"type\":\"attribute\",\"key\":\"level\",\"op\":\"in\",\"value\":[\"silver\",\"bronze\"]}"))
                .containsExactly(silver);
        assertThat(matching("{\"type\":\"attribute\",\"key\":\"points\",\"op\":\"gt\",\"value\":99.5}"))
                .containsExactly(gold); // 99.5 is not above itself; the string "500" is no number
        assertThat(matching("{\"type\":\"attribute\",\"key\":\"points\",\"op\":\"gte\",\"value\":\"5\"}"))
                .containsExactly(textPoints);
        assertThat(matching("{\"type\":\"attribute\",\"key\":\"points\",\"op\":\"exists\"}"))
                .containsExactlyInAnyOrder(gold, silver, textPoints);
    }

    @Test
    void tagsAndIdentityTypes() {
        long tagged = person("a", null);
        long phone = person("b", new MemberProfile(List.of(new Identity(IdentityType.MEMBER_NO, "b"),
                new Identity(IdentityType.PHONE, "13812345678")), null, null, null, null, null, null, null));
        members.tag(brand, tagged, "vip");

        assertThat(matching("{\"type\":\"tag\",\"tag\":\"vip\"}")).containsExactly(tagged);
        assertThat(matching("{\"type\":\"tag\",\"tag\":\"vip2\"}")).isEmpty();
        assertThat(matching("{\"type\":\"identity\",\"identityType\":\"PHONE\"}")).containsExactly(phone);
        assertThat(matching("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}")).containsExactlyInAnyOrder(tagged, phone);
    }

    @Test
    void relationshipsActiveNowOrDuringAWindow() {
        long left = member("a");
        long stays = member("b");
        long member = member("c");
        event(custom("a", "CONNECT", Field.GROUP_CHAT, null, "2026-03-01T10:00:00+08:00"));
        event(custom("a", "DISCONNECT", Field.GROUP_CHAT, null, "2026-04-01T10:00:00+08:00"));
        event(custom("b", "CONNECT", Field.STORE, null, "2026-03-01T10:00:00+08:00"));
        event(custom("c", "JOIN_MEMBERSHIP", null, null, "2026-05-01T00:00:00+08:00"));
        event(custom("c", "LEAVE_MEMBERSHIP", null, null, "2026-06-01T00:00:00+08:00"));

        assertThat(matching("{\"type\":\"relationship\",\"field\":\"GROUP_CHAT\"}")).isEmpty();
        assertThat(matching("{\"type\":\"relationship\"}")).containsExactly(stays);
        assertThat(matching("{\"type\":\"relationship\",\"field\":\"GROUP_CHAT\",\"during\":"
                + "{\"from\":\"2026-04-01T10:00:00+08:00\"}}")).isEmpty(); // ended as the window starts
        assertThat(matching("{\"type\":\"relationship\",\"field\":\"GROUP_CHAT\",\"during\":"
                + "{\"from\":\"2026-04-01T09:59:59+08:00\"}}")).containsExactly(left);
        assertThat(matching("{\"type\":\"relationship\",\"during\":{\"to\":\"2026-03-01T10:00:00+08:00\"}}"))
                .isEmpty(); // began as the window ends
        assertThat(matching("{\"type\":\"relationship\",\"during\":{\"from\":\"2026-03-15\",\"to\":\"2026-03-16\"}}"))
                .containsExactlyInAnyOrder(left, stays);
        assertThat(matching("{\"type\":\"membership\"}")).isEmpty();
        assertThat(matching("{\"type\":\"membership\",\"during\":{\"from\":\"2026-05-31\",\"to\":\"2026-07-01\"}}"))
                .containsExactly(member);
        assertThat(matching("{\"type\":\"membership\",\"during\":{\"from\":\"2026-06-01\",\"to\":\"2026-07-01\"}}"))
                .isEmpty();
    }

    @Test
    void consentInForceIsTheLatestDecisionForTheChannelOrAll() {
        long revokedThenAllGranted = member("a");
        long allRevokedAfterSms = member("b");
        long neverAsked = member("c");
        long lateArrival = member("d");
        event(consent("a", ConsentChannel.SMS, false, "2026-01-01T00:00:00Z"));
        event(consent("a", ConsentChannel.ALL, true, "2026-02-01T00:00:00Z"));
        event(consent("b", ConsentChannel.ALL, false, "2026-02-01T00:00:00Z"));
        event(consent("b", ConsentChannel.SMS, true, "2026-01-01T00:00:00Z"));
        event(consent("d", ConsentChannel.SMS, false, "2026-03-01T00:00:00Z"));
        event(consent("d", ConsentChannel.SMS, true, "2026-02-01T00:00:00Z")); // arrives later, happened earlier
        long sameInstant = member("e"); // two decisions at one instant: the greater event id decides
        event(consent("e-2", "e", ConsentChannel.SMS, true, "2026-02-01T00:00:00Z"));
        event(consent("e-1", "e", ConsentChannel.SMS, false, "2026-02-01T00:00:00Z"));
        long sameInstantRefused = member("f");
        event(consent("f-1", "f", ConsentChannel.SMS, true, "2026-02-01T00:00:00Z"));
        event(consent("f-2", "f", ConsentChannel.ALL, false, "2026-02-01T00:00:00Z"));

        assertThat(matching(consentRule("SMS", false)))
                .containsExactlyInAnyOrder(allRevokedAfterSms, lateArrival, sameInstantRefused);
        assertThat(matching(consentRule("SMS", true)))
                .containsExactlyInAnyOrder(revokedThenAllGranted, neverAsked, sameInstant);
        assertThat(matching(consentRule("WECHAT", false)))
                .containsExactlyInAnyOrder(allRevokedAfterSms, sameInstantRefused);
        assertThat(matching("{\"type\":\"consent\",\"purpose\":\"ANALYTICS\",\"channel\":\"SMS\",\"granted\":false}"))
                .isEmpty();
    }

    @Test
    void aRuleChangedBetweenItsCompilationAndItsRefreshIsRefused() {
        long id = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();
        BrandContext context = brands.context(brand);
        Instant now = Instant.now();
        List<SegmentRefresher.CompiledRule> compiled = refresher.compileWithDependencies(context, id, now);
        segments.update(brand, id, definition("vip", "{\"type\":\"tag\",\"tag\":\"gold\"}", null));

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .execute(status -> refresher.refresh(context, compiled, now)))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.problem()).isEqualTo("segment-changed"));
        assertThat(segments.refresh(brand, id).size()).isZero(); // compiled again: the new rule
    }

    @Test
    void ordersCountOnlyQualifyingOnesInsideTheWindow() {
        long edges = member("a");
        long refunded = member("b");
        long partly = member("c");
        long nothing = member("d");
        order("a", "2026-10-01T00:00:00+08:00", "100.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // first instant: in
        order("a", "2026-11-01T00:00:00+08:00", "50.00", OrderStatus.PAID, null, "WECHAT", "SKU-2"); // end: out
        order("b", "2026-10-10T00:00:00+08:00", "80.00", OrderStatus.REFUNDED, "80.00", "TMALL", "SKU-1");
        order("c", "2026-10-10T09:00:00+08:00", "80.00", OrderStatus.PARTIALLY_REFUNDED, "30.00", "TMALL", "SKU-1");
        order("c", "2026-10-10T23:30:00+08:00", "20.00", OrderStatus.PAID, null, "WECHAT", "SKU-3"); // same local day
        order("c", "2026-10-11T00:30:00+08:00", "0.00", OrderStatus.PAID, null, "WECHAT", "SKU-3"); // nets 0
        String october = ",\"window\":{\"from\":\"2026-10-01\",\"to\":\"2026-11-01\"}";

        assertThat(matching(orders("count", "gte", "1", october))).containsExactlyInAnyOrder(edges, partly);
        assertThat(matching(orders("count", "eq", "2", october))).containsExactly(partly);
        assertThat(matching(orders("count", "lt", "1", october))).containsExactlyInAnyOrder(refunded, nothing);
        assertThat(matching(orders("count", "eq", "0", ""))).containsExactlyInAnyOrder(refunded, nothing);
        assertThat(matching(orders("netAmount", "eq", "70", october))).containsExactly(partly);
        assertThat(matching(orders("netAmount", "gte", "100", ""))).containsExactly(edges);
        assertThat(matching(orders("purchaseDays", "eq", "1", october))).containsExactlyInAnyOrder(edges, partly);
        assertThat(matching(orders("purchaseDays", "gte", "2", ""))).containsExactly(edges);
        assertThat(matching(orders("count", "gte", "1", october + ",\"channels\":[\"WECHAT\"]"))).containsExactly(partly);
        assertThat(matching(orders("count", "gte", "1", ",\"skus\":[\"SKU-2\",\"SKU-9\"]"))).containsExactly(edges);
        assertThat(matching(orders("count", "gte", "1", ",\"skus\":[\"SKU-1\"]"))).containsExactlyInAnyOrder(edges, partly);
        assertThat(matching(orders("lastOrderAt", "gte", "\"2026-11-01\"", ""))).containsExactly(edges);
        assertThat(matching(orders("firstOrderAt", "lt", "\"2026-10-10T09:00:00+08:00\"", ""))).containsExactly(edges);
        assertThat(matching(orders("count", "gte", "1", ",\"window\":{\"last\":\"P3650D\"}")))
                .containsExactlyInAnyOrder(edges, partly);
    }

    @Test
    void purchaseHistoriesCountWholeDaysAndTheOrdersAtTheWindowsEdgesAndFollowLateWrites() {
        long a = member("a");
        long b = member("b");
        long c = member("c");
        long d = member("d");
        order("a", "2026-10-10T09:00:00+08:00", "10.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // the start's day, before it
        order("a", "2026-10-10T13:00:00+08:00", "20.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // the start's day, after
        order("a-refunded-later", "a", "2026-10-20T10:00:00+08:00", "30.00", OrderStatus.PAID, null);
        order("a", "2026-10-20T18:00:00+08:00", "5.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // same day
        order("b", "2026-10-15T10:00:00+08:00", "40.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("b", "2026-10-31T11:59:59+08:00", "60.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // the end's day, before it
        order("b", "2026-10-31T12:00:00+08:00", "70.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // the end: out
        order("c", "2026-10-10T11:00:00+08:00", "80.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("c", "2026-10-31T12:30:00+08:00", "80.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("d", "2026-10-25T10:00:00+08:00", "15.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        String window = ",\"window\":{\"from\":\"2026-10-10T12:00:00+08:00\",\"to\":\"2026-10-31T12:00:00+08:00\"}";

        // in the window: a 3 orders (55.00) on 2 days; b 2 (100.00) on 2 days; c none; d 1 (15.00)
        assertThat(matching(orders("purchaseDays", "gte", "2", window))).containsExactlyInAnyOrder(a, b);
        assertThat(matching(orders("purchaseDays", "eq", "1", window))).containsExactly(d);
        assertThat(matching(orders("count", "eq", "3", window))).containsExactly(a);
        assertThat(matching(orders("count", "lt", "1", window))).containsExactly(c);
        assertThat(matching(orders("netAmount", "eq", "100", window))).containsExactly(b);
        assertThat(matching(orders("netAmount", "eq", "55", window))).containsExactly(a);
        assertThat(matching(orders("count", "gte", "2", ""))).containsExactlyInAnyOrder(a, b, c); // all time

        order("a-refunded-later", "a", "2026-10-20T10:00:00+08:00", "30.00", OrderStatus.REFUNDED, "30.00");
        order("b", "2026-10-20T10:00:00+08:00", "1.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        long survivor = members.upsert(brand, new MemberProfile(List.of(ids("c").getFirst(), ids("d").getFirst()),
                null, null, null, null, null, null, null)).id();

        // a 2 orders (25.00) on 2 days; b 3 on 3 days; c and d one person with d's order
        assertThat(survivor).isIn(c, d);
        assertThat(matching(orders("purchaseDays", "gte", "3", window))).containsExactly(b);
        assertThat(matching(orders("count", "eq", "2", window))).containsExactly(a);
        assertThat(matching(orders("netAmount", "eq", "25", window))).containsExactly(a);
        assertThat(matching(orders("count", "eq", "1", window))).containsExactly(survivor);
        assertThat(matching(orders("count", "lt", "1", window))).isEmpty();

        // 06:00 and 10:00 in Shanghai are one day there, two days in UTC (22:00 and 02:00)
        order("b", "2026-09-05T06:00:00+08:00", "1.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("b", "2026-09-05T10:00:00+08:00", "1.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        String september = ",\"window\":{\"from\":\"2026-09-01\",\"to\":\"2026-10-01\"}";
        assertThat(matching(orders("purchaseDays", "eq", "1", september))).containsExactly(b);
        BrandSettings settings = brands.settings(brand);
        brands.changeSettings(brand, new BrandSettings("UTC", settings.periodType(), settings.rfm(), settings.tiers(),
                settings.capitalRequiresConsent(), settings.weakIdentityTypes()));
        assertThat(matching(orders("purchaseDays", "eq", "2", september))).containsExactly(b);
    }

    @Test
    void purchaseHistoriesAnswerAsTheOrdersWouldForEveryWindowShapeAndOperator() {
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        long recent = member("a");
        member("b");
        long none = member("c");
        order("a", now.minusMinutes(10).toString(), "10.00", OrderStatus.PAID, null, "TMALL", "SKU-1"); // today
        order("a", now.minusDays(30).plusMinutes(10).toString(), "20.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("a", now.minusDays(30).minusMinutes(10).toString(), "40.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("a", now.minusDays(15).toString(), "80.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("b", "2026-10-10T11:00:00+08:00", "5.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("b", "2026-10-10T13:00:00+08:00", "7.00", OrderStatus.PAID, null, "TMALL", "SKU-1");
        order("b", "2026-10-31T00:00:00+08:00", "9.00", OrderStatus.PAID, null, "TMALL", "SKU-1");

        // the last 30 days, to the minute: a's orders of today, of 30 days ago less 10 minutes, of 15 days ago
        assertThat(matching(orders("count", "eq", "3", ",\"window\":{\"last\":\"P30D\"}"))).containsExactly(recent);
        assertThat(matching(orders("netAmount", "eq", "110", ",\"window\":{\"last\":\"P30D\"}")))
                .containsExactly(recent);
        assertThat(matching(orders("count", "lt", "1", ",\"window\":{\"last\":\"P30D\"}"))).contains(none);
        // every shape of window, every operator: the histories' answer is the orders' (a channel filter reads
        // the orders themselves, and every order here is on TMALL)
        for (String window : List.of("", ",\"window\":{\"last\":\"P30D\"}", ",\"window\":{\"last\":\"P45D\"}",
                ",\"window\":{\"from\":\"2026-10-10T12:00:00+08:00\"}", ",\"window\":{\"to\":\"2026-10-31\"}",
                ",\"window\":{\"to\":\"2026-10-31T00:00:01+08:00\"}",
                ",\"window\":{\"from\":\"2026-10-01\",\"to\":\"2026-11-01\"}")) {
            for (String metric : List.of("count", "netAmount", "purchaseDays")) {
                for (String comparison : List.of("gt\",\"value\":1", "lte\",\"value\":2", "eq\",\"value\":0",
                        "gte\",\"value\":12")) {
                    String rule = "{\"type\":\"orders\",\"metric\":\"" + metric + "\",\"op\":\"" + comparison + window;
                    assertThat(matching(rule + "}")).as(rule)
                            .isEqualTo(matching(rule + ",\"channels\":[\"TMALL\"]}"));
                }
            }
        }
    }

    @Test
    void windowsAtTheEndsOfTheCalendarAreCountedNotFailed() {
        long buyer = member("a");
        order("a", "2026-10-10T11:00:00+08:00", "5.00", OrderStatus.PAID, null, "TMALL", "SKU-1");

        for (String window : List.of("{\"from\":\"0001-01-01\"}", "{\"from\":\"0000-01-01\",\"to\":\"9999-12-31\"}",
                "{\"to\":\"9999-12-31T23:59:59+08:00\"}")) {
            for (String metric : List.of("count", "purchaseDays", "netAmount")) {
                String rule = "{\"type\":\"orders\",\"metric\":\"" + metric + "\",\"op\":\"gte\",\"value\":1,"
                        + "\"window\":" + window;
                assertThat(matching(rule + "}")).as(rule).containsExactly(buyer);
                assertThat(matching(rule + ",\"channels\":[\"TMALL\"]}")).as(rule).containsExactly(buyer);
            }
        }
    }

    @Test
    void eventsAreCountedByTypeFieldPropertyAndWindow() {
        long twice = member("a");
        long once = member("b");
        event(custom("a", "VISIT", Field.LIVE, Map.of("page", "home"), "2026-10-01T00:00:00+08:00"));
        event(custom("a", "VISIT", Field.LIVE, Map.of("page", "cart"), "2026-10-05T00:00:00+08:00"));
        event(custom("b", "VISIT", Field.STORE, Map.of("page", "home"), "2026-10-31T23:59:59+08:00"));
        event(custom("b", "VISIT", Field.STORE, Map.of("page", "home"), "2026-11-01T00:00:00+08:00"));

        assertThat(matching("{\"type\":\"events\",\"eventType\":\"VISIT\"}")).containsExactlyInAnyOrder(twice, once);
        assertThat(matching("{\"type\":\"events\",\"eventType\":\"VISIT\",\"field\":\"LIVE\",\"op\":\"gte\",\"value\":2}"))
                .containsExactly(twice);
        assertThat(matching("{\"type\":\"events\",\"eventType\":\"VISIT\",\"property\":{\"name\":\"page\",\"value\":\"home\"},"
                + "\"window\":{\"from\":\"2026-10-01\",\"to\":\"2026-11-01\"},\"op\":\"eq\",\"value\":1}"))
                .containsExactlyInAnyOrder(twice, once);
        assertThat(matching("{\"type\":\"events\",\"eventType\":\"VISIT\",\"window\":{\"from\":\"2026-10-02\"}}"))
                .containsExactlyInAnyOrder(twice, once);
        assertThat(matching("{\"type\":\"events\",\"eventType\":\"SHARE\",\"op\":\"eq\",\"value\":0}"))
                .containsExactlyInAnyOrder(twice, once);
    }

    @Test
    void mergedAndErasedMembersAreNeverSelected() {
        long survivor = member("a");
        long merged = member("b");
        long erased = member("c");
        members.upsert(brand, new MemberProfile(List.of(new Identity(IdentityType.MEMBER_NO, "a"),
                new Identity(IdentityType.MEMBER_NO, "b")), null, null, null, null, null, null, null));
        members.erase(brand, erased);

        assertThat(matching("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}")).containsExactly(survivor);
        assertThat(matching("{\"not\":{\"type\":\"tag\",\"tag\":\"x\"}}")).containsExactly(survivor)
                .doesNotContain(merged, erased);
        assertThat(segments.preview(brand, JSON.readTree("{\"not\":{\"type\":\"tag\",\"tag\":\"x\"}}")).count())
                .isEqualTo(1);
    }

    @Test
    void materialisedMembershipsFollowMergesAndErasuresBeforeTheNextRefresh() {
        long survivor = member("a");
        long merged = member("b");
        long erased = member("c");
        members.tag(brand, merged, "vip");
        members.tag(brand, erased, "vip");
        long vips = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();
        segments.refresh(brand, vips);

        members.upsert(brand, new MemberProfile(List.of(new Identity(IdentityType.MEMBER_NO, "a"),
                new Identity(IdentityType.MEMBER_NO, "b")), null, null, null, null, null, null, null));
        members.erase(brand, erased);

        assertThat(ids(vips)).containsExactly(survivor);
        assertThat(segments.refresh(brand, vips)).extracting(SegmentRefresh::added, SegmentRefresh::removed)
                .containsExactly(0L, 0L);
    }

    @Test
    void allAnyAndNotNest() {
        long a = member("a");
        long b = member("b");
        long c = member("c");
        members.tag(brand, a, "vip");
        members.tag(brand, b, "vip");
        members.tag(brand, b, "churn");
        members.tag(brand, c, "new");

        assertThat(matching("""
                {"any":[{"all":[{"type":"tag","tag":"vip"},{"not":{"type":"tag","tag":"churn"}}]},
                        {"type":"tag","tag":"new"}]}""")).containsExactlyInAnyOrder(a, c);
        assertThat(matching("{\"not\":{\"any\":[{\"type\":\"tag\",\"tag\":\"vip\"},{\"type\":\"tag\",\"tag\":\"new\"}]}}"))
                .isEmpty();
    }

    @Test
    void aSegmentOfSegmentsRefreshesWhatItUsesFirst() {
        long vip = member("a");
        member("b");
        members.tag(brand, vip, "vip");
        long vips = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();
        long notVips = save("{\"not\":{\"type\":\"segment\",\"segmentId\":" + vips + "}}", null).id();
        long both = save("{\"any\":[{\"type\":\"segment\",\"segmentId\":" + vips + "},{\"type\":\"segment\",\"segmentId\":"
                + notVips + "}]}", null).id();

        SegmentRefresh refresh = segments.refresh(brand, both); // vips and notVips were never refreshed

        assertThat(refresh.size()).isEqualTo(2);
        assertThat(ids(vips)).containsExactly(vip);
        assertThat(segments.get(brand, both).usesSegments()).containsExactly(vips, notVips);
        assertThat(segments.history(brand, vips)).singleElement().extracting(SegmentRefresh::refreshedAt)
                .isEqualTo(refresh.refreshedAt());
    }

    @Test
    void aCycleIsRefusedNamingItsSegments() {
        long a = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();
        long b = save("{\"type\":\"segment\",\"segmentId\":" + a + "}", null).id();

        assertThatThrownBy(() -> segments.update(brand, a, definition("A", "{\"type\":\"segment\",\"segmentId\":" + b + "}", null)))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.problem()).isEqualTo("segment-cycle");
                    assertThat(conflict.getMessage()).contains(a + " (A) uses " + b + " (").contains(b + " (segment-");
                });
        assertThatThrownBy(() -> segments.update(brand, a, definition("A", "{\"type\":\"segment\",\"segmentId\":" + a + "}", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(a + " (A) uses " + a + " (A)");
        assertThat(segments.get(brand, a).usesSegments()).isEmpty(); // nothing of the refused changes stayed
    }

    @Test
    void aSegmentInUseCannotBeDeletedAndAnUnknownOneCannotBeUsed() {
        long a = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();
        long b = save("{\"type\":\"segment\",\"segmentId\":" + a + "}", null).id();

        assertThatThrownBy(() -> segments.delete(brand, a)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("used by segment " + b);
        assertThatThrownBy(() -> save("{\"all\":[{\"type\":\"tag\",\"tag\":\"x\"},{\"type\":\"segment\",\"segmentId\":999999}]}", null))
                .isInstanceOfSatisfying(InvalidSegmentException.class, invalid -> assertThat(invalid.errors())
                        .containsExactly(new RuleError("rule.all[1].segmentId", "no segment 999999 in this brand")));
        segments.delete(brand, b);
        segments.delete(brand, a);
        assertThat(segments.list(brand)).isEmpty();
    }

    @Test
    void eachRefreshRecordsSizeAddedAndRemoved() {
        long a = member("a");
        long b = member("b");
        long c = member("c");
        members.tag(brand, a, "vip");
        members.tag(brand, b, "vip");
        long vips = save("{\"type\":\"tag\",\"tag\":\"vip\"}", null).id();

        segments.refresh(brand, vips);
        members.untag(brand, a, "vip");
        members.tag(brand, c, "vip");
        SegmentRefresh second = segments.refresh(brand, vips);

        assertThat(second).extracting(SegmentRefresh::size, SegmentRefresh::added, SegmentRefresh::removed)
                .containsExactly(2L, 1L, 1L);
        assertThat(segments.history(brand, vips)).extracting(SegmentRefresh::size, SegmentRefresh::added,
                SegmentRefresh::removed).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 1L, 1L), org.assertj.core.groups.Tuple.tuple(2L, 2L, 0L));
        assertThat(ids(vips)).containsExactly(b, c);
        assertThat(segments.get(brand, vips).size()).isEqualTo(2);
    }

    @Test
    void membersArePagedByIdAndWrittenAsCsv() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(member("m" + i));
        }
        long everyone = save("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}", null).id();
        segments.refresh(brand, everyone);

        SegmentMemberPage first = segments.members(brand, everyone, 0, 2);
        SegmentMemberPage last = segments.members(brand, everyone, all.get(3), 2);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        segments.writeMembersCsv(brand, everyone, csv);

        assertThat(first.items()).extracting(SegmentMember::memberId).containsExactly(all.get(0), all.get(1));
        assertThat(first.nextAfter()).isEqualTo(all.get(1));
        assertThat(last.items()).extracting(SegmentMember::memberId).containsExactly(all.get(4));
        assertThat(last.nextAfter()).isNull();
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6).first().isEqualTo("member_id,since");
        assertThat(lines.get(1)).startsWith(all.get(0) + ",20");
    }

    @Test
    void scheduledSegmentsAreRefreshedWhenDue() {
        member("a");
        long hourly = save("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}", "PT1H").id();
        save("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}", null);

        segments.refreshDue(); // other tests' brands may have due segments too

        SegmentView refreshed = segments.get(brand, hourly);
        assertThat(refreshed.size()).isEqualTo(1);
        assertThat(refreshed.nextRefreshAt()).isEqualTo(refreshed.refreshedAt().plusSeconds(3600));
        assertThat(segments.refreshDue()).isZero();
        assertThatThrownBy(() -> save("{\"type\":\"tag\",\"tag\":\"x\"}", "PT1M"))
                .isInstanceOfSatisfying(InvalidSegmentException.class, invalid -> assertThat(invalid.errors())
                        .extracting(RuleError::field).containsExactly("refreshSchedule"));
    }

    @Test
    void aScheduledRefreshThatFailsIsPostponedWithoutHoldingUpTheOthers() {
        member("a");
        long broken = save("{\"type\":\"tag\",\"tag\":\"x\"}", "PT1H").id();
        long hourly = save("{\"type\":\"identity\",\"identityType\":\"MEMBER_NO\"}", "PT1H").id();
        // A rule stored before a kind of leaf was withdrawn, say: it no longer compiles.
        jdbc.sql("update segmentation.segment set rule = '{\"type\":\"withdrawn\"}', next_refresh_at = now() - interval '1 day'"
                        + " where id = :id")
                .param("id", broken).update();

        segments.refreshDue();

        assertThat(segments.get(brand, hourly).size()).isEqualTo(1);
        SegmentView postponed = segments.get(brand, broken);
        assertThat(postponed.refreshedAt()).isNull();
        assertThat(postponed.nextRefreshAt()).isAfter(java.time.Instant.now().plusSeconds(3000));
    }

    @Test
    void segmentsOfAnotherBrandAreNotFound() {
        long mine = save("{\"type\":\"tag\",\"tag\":\"x\"}", null).id();
        String other = brand;
        newBrand();

        assertThatThrownBy(() -> segments.get(brand, mine)).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> segments.refresh(brand, mine)).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> save("{\"type\":\"segment\",\"segmentId\":" + mine + "}", null))
                .isInstanceOf(InvalidSegmentException.class);
        assertThat(segments.get(other, mine).id()).isEqualTo(mine);
    }

    // --- helpers

    private Set<Long> matching(String rule) {
        SegmentView segment = save(rule, null);
        segments.refresh(brand, segment.id());
        Set<Long> ids = Set.copyOf(ids(segment.id()));
        assertThat(segments.preview(brand, JSON.readTree(rule)).count()).as("preview of %s", rule).isEqualTo(ids.size());
        return ids;
    }

    private List<Long> ids(long segment) {
        return segments.members(brand, segment, 0, 1000).items().stream().map(SegmentMember::memberId).toList();
    }

    private SegmentView save(String rule, String schedule) {
        return segments.create(brand, definition("segment-" + ++sequence, rule, schedule));
    }

    private static SegmentDefinition definition(String name, String rule, String schedule) {
        return new SegmentDefinition(name, null, JSON.readTree(rule), schedule);
    }

    private static String consentRule(String channel, boolean granted) {
        return "{\"type\":\"consent\",\"purpose\":\"MARKETING\",\"channel\":\"" + channel + "\",\"granted\":" + granted + "}";
    }

    private static String orders(String metric, String op, String value, String more) {
        return "{\"type\":\"orders\",\"metric\":\"" + metric + "\",\"op\":\"" + op + "\",\"value\":" + value + more + "}";
    }

    private long member(String memberNo) {
        return person(memberNo, null);
    }

    private long person(String memberNo, MemberProfile profile) {
        return members.upsert(brand, profile != null ? profile
                : new MemberProfile(ids(memberNo), null, null, null, null, null, null, null)).id();
    }

    private static MemberProfile profile(String memberNo, Map<String, Object> attributes) {
        return new MemberProfile(ids(memberNo), null, null, null, null, null, null, attributes);
    }

    private static List<Identity> ids(String memberNo) {
        return List.of(new Identity(IdentityType.MEMBER_NO, memberNo));
    }

    private void event(NewEvent event) {
        events.record(brand, event);
    }

    private NewEvent consent(String memberNo, ConsentChannel channel, boolean granted, String at) {
        return consent("e" + ++sequence, memberNo, channel, granted, at);
    }

    private NewEvent consent(String eventId, String memberNo, ConsentChannel channel, boolean granted, String at) {
        return new NewEvent(eventId, "CONSENT", OffsetDateTime.parse(at), ids(memberNo), null, null, null,
                null, ConsentPurpose.MARKETING, channel, granted, null);
    }

    private NewEvent custom(String memberNo, String type, Field field, Map<String, Object> properties, String at) {
        return new NewEvent("e" + ++sequence, type, OffsetDateTime.parse(at), ids(memberNo), field, null, null,
                null, null, null, null, properties);
    }

    private void order(String orderId, String memberNo, String paidAt, String amount, OrderStatus status,
            String refunded) {
        orders.record(brand, new NewOrder(orderId, ids(memberNo), OffsetDateTime.parse(paidAt), new BigDecimal(amount),
                status, refunded == null ? null : new BigDecimal(refunded), "TMALL", null, null));
    }

    private void order(String memberNo, String paidAt, String amount, OrderStatus status, String refunded,
            String channel, String sku) {
        orders.record(brand, new NewOrder("o" + ++sequence, ids(memberNo), OffsetDateTime.parse(paidAt),
                new BigDecimal(amount), status, refunded == null ? null : new BigDecimal(refunded), channel, null,
                List.of(new OrderItem(sku, 1, new BigDecimal(amount)))));
    }
}
