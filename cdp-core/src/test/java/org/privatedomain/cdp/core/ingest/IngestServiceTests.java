package org.privatedomain.cdp.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Batches of 7 lines, so that every body here spans several batches and the writer runs beside the reader. */
@SpringBootTest(properties = {"cdp.ingest.batch-size=7", "cdp.ingest.max-line-bytes=2048"})
@Import(TestDatabase.class)
class IngestServiceTests {

    @Autowired
    IngestService ingest;

    @Autowired
    BulkLoader loader;

    @Autowired
    ImportJobs jobs;

    @Autowired
    BrandService brands;

    @Autowired
    EventService events;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String brand;

    @BeforeEach
    void newBrand() {
        brand = TestBrands.create(brands);
    }

    @Test
    void badLinesAreRejectedWithTheirNumberAndReasonWhileTheGoodOnesAreRecorded() throws IOException {
        String body = String.join("\n",
                event("e1", "CONNECT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u1", ",\"field\":\"GROUP_CHAT\""),
                "{not json",
                event("e2", "CONNECT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u2", ""),
                "",
                event("e3", "VISIT", "2026-03-01T10:00:00", "WECHAT_UNIONID", "u3", ",\"field\":\"LIVE\""),
                event("e4", "VISIT", "2026-03-01T10:00:00+08:00", "PHONE", "12", ",\"field\":\"LIVE\""),
                event("e5", "VISIT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u5", ",\"field\":\"NOWHERE\""),
                event("e6", "VISIT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u6", ",\"colour\":\"red\""),
                "{\"eventId\":\"" + "x".repeat(3000) + "\"}",
                event("e7", "PURCHASE_INTENT", "2026-03-01T10:00:00+08:00", "TMALL_OUID", "t7",
                        ",\"properties\":{\"sku\":\"A1\",\"price\":12.50}"),
                event("bad id", "VISIT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u9", ",\"field\":\"LIVE\""),
                "[1,2]",
                event("e8", "LEAVE_MEMBERSHIP", "2026-03-01T10:00:00+08:00", "MEMBER_NO", "m8", "") + " trailing");

        BulkResult result = bulk(IngestKind.EVENTS, BodyFormat.NDJSON, body);

        assertThat(result.lines()).isEqualTo(13);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(10);
        assertThat(result.errorsComplete()).isTrue();
        assertThat(result.errors()).extracting(Rejection::line).containsExactly(2L, 3L, 5L, 6L, 7L, 8L, 9L, 11L, 12L, 13L);
        Map<Long, String> reasons = result.errors().stream()
                .collect(Collectors.toMap(Rejection::line, Rejection::reason));
        assertThat(reasons.get(2L)).startsWith("not valid JSON");
        assertThat(reasons.get(3L)).isEqualTo("A CONNECT event needs 'field'.");
        assertThat(reasons.get(5L)).startsWith("occurredAt: ");
        assertThat(reasons.get(6L)).isEqualTo("Not a valid PHONE: '(hidden)'.");
        assertThat(reasons.get(7L)).startsWith("field: must be one of [STORE, LIVE");
        assertThat(reasons.get(8L)).isEqualTo("colour: is not a known field");
        assertThat(reasons.get(9L)).isEqualTo("longer than the limit of bytes a line may have");
        assertThat(reasons.get(11L)).startsWith("eventId: must match");
        assertThat(reasons.get(12L)).isEqualTo("not a JSON object");
        assertThat(reasons.get(13L)).startsWith("not valid JSON");
        assertThat(jdbc.sql("select event_id from core.event e join core.brand b on b.id = e.brand_id where b.code = ?")
                .param(brand).query(String.class).list()).containsExactlyInAnyOrder("e1", "e7");
        assertThat(ingest.rejections(brand, result.importId(), 0, 1000).rejections()).isEqualTo(result.errors());
        ImportJobView job = ingest.job(brand, result.importId());
        assertThat(job.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(job.bytesRead()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aValueTheDatabaseCannotStoreRejectsOnlyItsLine() throws IOException {
        String body = String.join("\n",
                event("n1", "VISIT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u1", ",\"field\":\"LIVE\""),
                event("n2", "NOTE", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u2",
                        ",\"properties\":{\"text\":\"a\\u0000b\"}"),
                event("n3", "VISIT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID", "u3", ",\"field\":\"LIVE\""));

        BulkResult result = bulk(IngestKind.EVENTS, BodyFormat.NDJSON, body);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.errors()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(2);
            assertThat(rejection.reason()).startsWith("cannot be stored: ");
        });
        assertThat(rows("core.event", "event_id, type")).containsExactly("n1 VISIT", "n3 VISIT");
        assertThat(rows("core.identity", "lookup_key, type")).containsExactly("u1 WECHAT_UNIONID",
                "u3 WECHAT_UNIONID");
    }

    @Test
    void aResentEventChangesNothingAndRepeatsInOneBodyCountOnce() throws IOException {
        String body = IntStream.range(0, 20)
                .mapToObj(i -> event("e" + (i % 12), "CONNECT", "2026-03-01T10:00:00+08:00", "WECHAT_UNIONID",
                        "u" + (i % 12), ",\"field\":\"STORE\""))
                .collect(Collectors.joining("\n"));

        BulkResult first = bulk(IngestKind.EVENTS, BodyFormat.NDJSON, body);
        List<String> rowsBefore = rows("core.event", "event_id, member_id, received_at");
        BulkResult again = bulk(IngestKind.EVENTS, BodyFormat.NDJSON, body);

        assertThat(first.accepted()).isEqualTo(12);
        assertThat(first.duplicate()).isEqualTo(8);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicate()).isEqualTo(20);
        assertThat(rows("core.event", "event_id, member_id, received_at")).isEqualTo(rowsBefore);
        assertThat(rows("core.relationship", "member_id, field, connected_at")).hasSize(12);
    }

    @Test
    void lateAndOutOfOrderEventsGiveTheSameRelationshipsAsOrderedOnes() throws IOException {
        List<String> lines = List.of(
                event("c1", "CONNECT", "2026-01-01T00:00:00+08:00", "WECHAT_UNIONID", "u1", ",\"field\":\"GROUP_CHAT\""),
                event("d1", "DISCONNECT", "2026-02-01T00:00:00+08:00", "WECHAT_UNIONID", "u1", ",\"field\":\"GROUP_CHAT\""),
                event("c2", "CONNECT", "2026-03-01T00:00:00+08:00", "WECHAT_UNIONID", "u1", ",\"field\":\"GROUP_CHAT\""),
                event("j1", "JOIN_MEMBERSHIP", "2026-01-15T00:00:00+08:00", "WECHAT_UNIONID", "u1", ""));
        String otherBrand = TestBrands.create(brands);
        ingest.bulk(otherBrand, IngestKind.EVENTS, BodyFormat.NDJSON, false, stream(String.join("\n", lines)));

        bulk(IngestKind.EVENTS, BodyFormat.NDJSON, String.join("\n", lines.reversed().subList(0, 2)));
        bulk(IngestKind.EVENTS, BodyFormat.NDJSON, String.join("\n", lines.reversed().subList(2, 4)));

        assertThat(relationships(brand)).isEqualTo(relationships(otherBrand)).containsExactly(
                "GROUP_CHAT 2026-01-01T00:00+08:00 2026-02-01T00:00+08:00", "GROUP_CHAT 2026-03-01T00:00+08:00 null",
                "MEMBERSHIP 2026-01-15T00:00+08:00 null");
    }

    @Test
    void ordersAreNewThenUpdatedByALaterPartialRefundAndAnUnchangedResendIsADuplicate() throws IOException {
        String paid = order("o1", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "100.00", "PAID", null);
        String other = order("o2", "TMALL_OUID", "t2", "2026-06-18T21:00:00+08:00", "59.90", "PAID", null);
        BulkResult first = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, paid + "\n" + other);

        String partial = order("o1", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "100.00",
                "PARTIALLY_REFUNDED", "30.00");
        BulkResult refund = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, partial + "\n" + other);
        String full = order("o1", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "100.00", "REFUNDED", null);
        BulkResult inOneBody = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, partial + "\n" + full);

        assertThat(List.of(first.accepted(), first.updated(), first.duplicate())).containsExactly(2L, 0L, 0L);
        assertThat(List.of(refund.accepted(), refund.updated(), refund.duplicate())).containsExactly(0L, 1L, 1L);
        assertThat(List.of(inOneBody.accepted(), inOneBody.updated(), inOneBody.duplicate()))
                .containsExactly(0L, 1L, 1L);
        assertThat(rows("core.orders", "order_id, status, amount, refunded_amount"))
                .containsExactly("o1 REFUNDED 100.00 100.00", "o2 PAID 59.90 0.00");
    }

    @Test
    void backslashesAndQuotesInOrderIdsAndItemsAreStoredAsSent() throws IOException {
        String body = "{\"orderId\":\"o\\\\1\\\"x\",\"identities\":[{\"type\":\"TMALL_OUID\",\"value\":\"t1\"}],"
                + "\"paidAt\":\"2026-06-18T20:00:00+08:00\",\"amount\":10.00,\"status\":\"PAID\","
                + "\"items\":[{\"sku\":\"A\\\\n\\\"B\",\"quantity\":1,\"price\":10.00}]}";

        BulkResult first = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, body);
        BulkResult again = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, body);

        assertThat(first.accepted()).isEqualTo(1);
        assertThat(again.duplicate()).isEqualTo(1);
        assertThat(rows("core.orders", "order_id, items->0->>'sku'")).containsExactly("o\\1\"x A\\n\"B");
    }

    @Test
    void invalidOrdersAreRejectedOneByOne() throws IOException {
        String body = String.join("\n",
                order("o1", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "100.00", "PARTIALLY_REFUNDED", "130.00"),
                order("o2", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "-1.00", "PAID", null),
                order("o3", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "1.005", "PAID", null),
                order("o4", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "10.00", "SHIPPED", null),
                order("o5", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "10.00", "PAID", null));

        BulkResult result = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, body);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.errors()).extracting(Rejection::reason).containsExactly(
                "refundedAmount 130.00 does not fit status PARTIALLY_REFUNDED of an order of 100.00: PAID refunds "
                        + "nothing, REFUNDED all of it, PARTIALLY_REFUNDED more than 0 and less than the amount.",
                "amount: must be greater than or equal to 0.00",
                "amount: numeric value out of bounds (<12 digits>.<2 digits> expected)",
                "status: must be one of [PAID, REFUNDED, PARTIALLY_REFUNDED]");
    }

    @Test
    void ordersComeAsCsvWithAHeaderNamingTheColumns() throws IOException {
        String body = String.join("\r\n",
                "orderId,paidAt,amount,status,refundedAmount,identities,channel,referralSharer,items",
                "c1,2026-11-11T00:10:00+08:00,299.00,PAID,,PHONE:13812345678|WECHAT_UNIONID:oU1,TMALL,,SKU-1:1:299.00",
                "c2,2026-11-11T00:20:00+08:00,50.00,PARTIALLY_REFUNDED,20.00,MEMBER_NO:m2,,WECHAT_UNIONID:oU1,",
                "c3,2026-11-11,50.00,PAID,,MEMBER_NO:m3,,,",
                "c4,2026-11-11T00:20:00+08:00,50.00,PAID,,WEIBO:x,,,",
                "\"c5\",\"2026-11-11T00:20:00+08:00\",\"1,000.00\",PAID,,MEMBER_NO:m5,,,",
                "c6,2026-11-11T00:20:00+08:00,50.00,PAID");

        BulkResult result = bulk(IngestKind.ORDERS, BodyFormat.CSV, body);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.errors()).containsExactly(
                new Rejection(4, "paidAt: '2026-11-11' is not an ISO-8601 time with offset"),
                new Rejection(5, "identities: 'WEIBO:x' is not TYPE:value with TYPE one of [PHONE, EMAIL, "
                        + "WECHAT_UNIONID, WECHAT_OPENID, WECOM_EXTERNAL_USERID, TMALL_OUID, MEMBER_NO, ANONYMOUS]"),
                new Rejection(6, "amount: '1,000.00' is not a number"),
                new Rejection(7, "has 4 cells where the header names 9"));
        assertThat(rows("core.orders", "order_id, status, refunded_amount, channel, items::text"))
                .containsExactly("c1 PAID 0.00 TMALL [{\"sku\": \"SKU-1\", \"price\": 299.00, \"quantity\": 1}]",
                        "c2 PARTIALLY_REFUNDED 20.00 null null");
        assertThat(jdbc.sql("""
                        select count(*) from core.orders o join core.orders p on p.brand_id = o.brand_id
                         where o.order_id = 'c2' and p.order_id = 'c1' and o.referral_member_id = p.member_id
                        """).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCsvHeaderWithoutARequiredColumnRefusesTheWholeBody() {
        assertThatThrownBy(() -> bulk(IngestKind.ORDERS, BodyFormat.CSV, "orderId,amount\no1,1.00"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("required columns missing: [identities, paidAt, status]");
        assertThatThrownBy(() -> bulk(IngestKind.ORDERS, BodyFormat.CSV, "orderId,colour\no1,1.00"))
                .hasMessageContaining("unknown column 'colour'");
        assertThatThrownBy(() -> bulk(IngestKind.EVENTS, BodyFormat.CSV, "eventId\ne1"))
                .hasMessage("Events are sent as NDJSON; CSV is for orders.");
    }

    @Test
    void gzipBodiesAreReadAndBrokenGzipIsRefused() throws IOException {
        String body = order("g1", "TMALL_OUID", "t1", "2026-06-18T20:00:00+08:00", "10.00", "PAID", null);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }

        BulkResult result = ingest.bulk(brand, IngestKind.ORDERS, BodyFormat.NDJSON, true,
                new ByteArrayInputStream(zipped.toByteArray()));

        assertThat(result.accepted()).isEqualTo(1);
        assertThatThrownBy(() -> ingest.bulk(brand, IngestKind.ORDERS, BodyFormat.NDJSON, true, stream(body)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The body is not gzip, as its Content-Encoding says: Not in GZIP format.");
    }

    /**
     * Records that link identities across lines of one body, across batches and with persons known before give
     * the same persons as the records sent one by one: compared as the partition of identities, events and orders
     * into persons, on a seeded random mix of overlapping identities (strong and weak).
     */
    @ParameterizedTest
    @ValueSource(longs = {42, 7, 2026})
    void aBulkLoadResolvesPersonsExactlyAsRecordsSentOneByOne(long seed) throws IOException {
        Random random = new Random(seed);
        List<NewEvent> someEvents = new ArrayList<>();
        List<NewOrder> someOrders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<org.privatedomain.cdp.core.identity.Identity> identities = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                identities.add(randomIdentity(random));
            }
            if (i % 2 == 0) {
                someEvents.add(new NewEvent("e" + i, i % 4 == 0 ? "CONNECT" : "VISIT",
                        java.time.OffsetDateTime.parse("2026-05-01T10:00:00+08:00").plusHours(i), identities,
                        org.privatedomain.cdp.core.event.Field.GROUP_CHAT, null, null, null, null, null, null, null));
            } else {
                someOrders.add(new NewOrder("o" + i, identities,
                        java.time.OffsetDateTime.parse("2026-05-01T10:00:00+08:00").plusHours(i),
                        new java.math.BigDecimal("10.00"), org.privatedomain.cdp.core.order.OrderStatus.PAID, null,
                        null, random.nextInt(5) == 0
                                ? new org.privatedomain.cdp.core.order.Referral(null, randomIdentity(random)) : null,
                        null));
            }
        }
        String oneByOne = TestBrands.create(brands);
        someEvents.subList(0, 50).forEach(event -> events.record(oneByOne, event));
        someEvents.subList(0, 50).forEach(event -> events.record(brand, event));

        someEvents.subList(50, someEvents.size()).forEach(event -> events.record(oneByOne, event));
        someOrders.forEach(order -> orders.record(oneByOne, order));
        bulk(IngestKind.EVENTS, BodyFormat.NDJSON, lines(someEvents.subList(50, someEvents.size())));
        bulk(IngestKind.ORDERS, BodyFormat.NDJSON, lines(someOrders));

        assertThat(persons(brand)).isEqualTo(persons(oneByOne)).hasSizeGreaterThan(20);
        assertThat(groupedBy(brand, "select member_id, event_id from core.event"))
                .isEqualTo(groupedBy(oneByOne, "select member_id, event_id from core.event"));
        assertThat(groupedBy(brand, "select member_id, order_id from core.orders"))
                .isEqualTo(groupedBy(oneByOne, "select member_id, order_id from core.orders"));
        assertThat(groupedBy(brand, "select referral_member_id, order_id from core.orders where referral_member_id is not null"))
                .isEqualTo(groupedBy(oneByOne,
                        "select referral_member_id, order_id from core.orders where referral_member_id is not null"));
        assertThat(rows("core.member_merge", "cause, merged_at")).as("the mix merges persons").hasSizeGreaterThan(5);
    }

    /**
     * An anonymous device's visits, in one body with the visit where its visitor logs in, end with that person
     * as they would one by one; a device two known persons share joins neither.
     */
    @Test
    void anonymousVisitsJoinTheVisitorWhoLogsInAsOneByOne() throws IOException {
        List<NewEvent> visits = new ArrayList<>();
        String[][] identities = {{"ANONYMOUS:d1"}, {"ANONYMOUS:d1"}, {"ANONYMOUS:d1", "WECHAT_UNIONID:u1"},
            {"ANONYMOUS:d1"}, {"WECHAT_UNIONID:u1"}, {"ANONYMOUS:d2"}, {"ANONYMOUS:d2", "TMALL_OUID:t1"},
            {"ANONYMOUS:d2", "TMALL_OUID:t2"}, {"ANONYMOUS:d2"}, {"ANONYMOUS:d3", "ANONYMOUS:d4"}, {"ANONYMOUS:d4"}};
        for (int i = 0; i < identities.length; i++) {
            visits.add(new NewEvent("v" + i, "VISIT",
                    java.time.OffsetDateTime.parse("2026-05-01T10:00:00+08:00").plusHours(i),
                    java.util.Arrays.stream(identities[i]).map(id -> new org.privatedomain.cdp.core.identity.Identity(
                            org.privatedomain.cdp.core.identity.IdentityType.valueOf(id.split(":")[0]),
                            id.split(":")[1])).toList(),
                    org.privatedomain.cdp.core.event.Field.MINI_PROGRAM, null, null, null, null, null, null, null));
        }
        String oneByOne = TestBrands.create(brands);
        visits.forEach(visit -> events.record(oneByOne, visit));
        bulk(IngestKind.EVENTS, BodyFormat.NDJSON, lines(visits));

        assertThat(persons(brand)).isEqualTo(persons(oneByOne));
        assertThat(groupedBy(brand, "select member_id, event_id from core.event"))
                .isEqualTo(groupedBy(oneByOne, "select member_id, event_id from core.event"))
                .contains(Set.of("v0", "v1", "v2", "v3", "v4"), Set.of("v9", "v10"));
    }

    /** A body cut off in the middle, then sent again whole, ends exactly as one clean load. */
    @Test
    void anInterruptedBodySentAgainEndsAsOneCleanLoad() throws IOException {
        String body = mixedOrders(60);
        String clean = TestBrands.create(brands);
        BulkResult cleanLoad = ingest.bulk(clean, IngestKind.ORDERS, BodyFormat.NDJSON, false, stream(body));

        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        InputStream cutOff = new CutOffStream(bytes, bytes.length * 2 / 3);
        assertThatThrownBy(() -> ingest.bulk(brand, IngestKind.ORDERS, BodyFormat.NDJSON, false, cutOff))
                .isInstanceOf(IOException.class);
        ImportJobView interrupted = latestJob();
        BulkResult resent = bulk(IngestKind.ORDERS, BodyFormat.NDJSON, body);

        assertThat(interrupted.state()).isEqualTo(ImportState.INTERRUPTED);
        assertThat(interrupted.linesRead()).isBetween(7L, 59L);
        assertThat(interrupted.accepted() + resent.accepted()).isEqualTo(cleanLoad.accepted()).isEqualTo(54);
        assertThat(snapshot(brand)).isEqualTo(snapshot(clean));
    }

    /** An import the service stopped goes on from its checkpoint at the next start, each line once. */
    @Test
    void anImportStoppedByARestartGoesOnFromItsCheckpoint() throws Exception {
        String body = mixedOrders(60);
        String clean = TestBrands.create(brands);
        ingest.bulk(clean, IngestKind.ORDERS, BodyFormat.NDJSON, false, stream(body));
        long brandId = brands.idOf(brand);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("import", ".txt");
        java.nio.file.Files.writeString(file, body);
        long id = jobs.create(brandId, IngestKind.ORDERS, BodyFormat.NDJSON, ImportMode.IMPORT, ImportState.RECEIVING,
                false, null);
        jobs.queued(brandId, id, file.toString(), java.nio.file.Files.size(file));
        jobs.running(brandId, id);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(brands.context(brand), id, IngestKind.ORDERS,
                new NdjsonParser(json, NewOrder.class), new LineReader(new CutOffStream(bytes, bytes.length / 2),
                        2048, 1, 0))).isInstanceOf(IOException.class); // the service dies here
        long checkpoint = ingest.job(brand, id).linesRead();

        ingest.resumeUnfinished();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ingest.job(brand, id).state() == ImportState.COMPLETED);
        ImportJobView done = ingest.job(brand, id);
        assertThat(checkpoint).isBetween(7L, 59L);
        assertThat(done.linesRead()).isEqualTo(60);
        assertThat(done.accepted() + done.updated() + done.duplicate() + done.rejected()).isEqualTo(60);
        assertThat(snapshot(brand)).isEqualTo(snapshot(clean));
        assertThat(file).doesNotExist();
    }

    @Test
    void aBulkRequestTheServiceStoppedInIsReportedAsInterrupted() {
        long brandId = brands.idOf(brand);
        long id = jobs.create(brandId, IngestKind.EVENTS, BodyFormat.NDJSON, ImportMode.REQUEST, ImportState.RUNNING,
                false, null);

        ingest.resumeUnfinished();

        ImportJobView job = ingest.job(brand, id);
        assertThat(job.state()).isEqualTo(ImportState.INTERRUPTED);
        assertThat(job.message()).contains("Send the whole body again");
    }

    @Test
    void anImportIsSpooledAnsweredAtOnceAndLoadedInTheBackgroundWithProgress() throws IOException {
        String body = mixedOrders(40) + "\nnot json";

        ImportJobView started = ingest.startImport(brand, IngestKind.ORDERS, BodyFormat.NDJSON, false, null,
                stream(body));

        assertThat(started.state()).isIn(ImportState.QUEUED, ImportState.RUNNING, ImportState.COMPLETED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ingest.job(brand, started.id()).state() == ImportState.COMPLETED);
        ImportJobView done = ingest.job(brand, started.id());
        assertThat(done.linesRead()).isEqualTo(41);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(done.bytesRead()).isEqualTo(done.bytesTotal()).isEqualTo(body.length());
        assertThat(done.finishedAt()).isNotNull();
        assertThat(ingest.rejections(brand, started.id(), 0, 10).rejections())
                .containsExactly(new Rejection(41, "not valid JSON (column 1)"));
        String otherBrand = TestBrands.create(brands);
        assertThatThrownBy(() -> ingest.job(otherBrand, started.id())).hasMessage("No import " + started.id() + ".");
    }

    @Test
    void aLargeLoadLeavesThePlannerFreshStatistics() throws IOException {
        Instant before = jdbc.sql("select now()").query(java.time.OffsetDateTime.class).single().toInstant();
        String body = IntStream.range(0, (int) LoadStatistics.LARGE_LOAD_LINES)
                .mapToObj(i -> order("big" + i, "MEMBER_NO", "b" + (i % 500), "2026-06-01T10:00:00+08:00", "10.00",
                        "PAID", null))
                .collect(Collectors.joining("\n"));

        bulk(IngestKind.ORDERS, BodyFormat.NDJSON, body);

        java.time.OffsetDateTime analysed = jdbc.sql("""
                        select last_analyze from pg_stat_user_tables where schemaname = 'core' and relname = 'orders'
                        """).query(java.time.OffsetDateTime.class).single();
        assertThat(analysed).isNotNull();
        assertThat(analysed.toInstant()).isAfter(before);
    }

    // --- helpers

    private BulkResult bulk(IngestKind kind, BodyFormat format, String body) throws IOException {
        return ingest.bulk(brand, kind, format, false, stream(body));
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String id, String type, String at, String identityType, String value, String more) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"identities\":[{\"type\":\"" + identityType + "\",\"value\":\"" + value + "\"}]" + more + "}";
    }

    private static String order(String id, String identityType, String value, String paidAt, String amount,
            String status, String refunded) {
        return "{\"orderId\":\"" + id + "\",\"identities\":[{\"type\":\"" + identityType + "\",\"value\":\"" + value
                + "\"}],\"paidAt\":\"" + paidAt + "\",\"amount\":" + amount + ",\"status\":\"" + status + "\""
                + (refunded == null ? "" : ",\"refundedAmount\":" + refunded) + "}";
    }

    /** Orders of 20 buyers, some linking two identities, some sent twice with a refund the second time. */
    private static String mixedOrders(int count) {
        return IntStream.range(0, count).mapToObj(i -> i % 10 == 9
                        ? order("o" + (i - 1), "MEMBER_NO", "m" + ((i - 1) % 20), "2026-06-01T10:00:00+08:00",
                                "80.00", "PARTIALLY_REFUNDED", "20.00")
                        : "{\"orderId\":\"o" + i + "\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m" + (i % 20)
                                + "\"},{\"type\":\"TMALL_OUID\",\"value\":\"t" + (i % 7) + "\"}],"
                                + "\"paidAt\":\"2026-06-01T10:00:00+08:00\",\"amount\":80.00,\"status\":\"PAID\"}")
                .collect(Collectors.joining("\n"));
    }

    private String lines(List<?> records) {
        return records.stream().map(json::writeValueAsString).collect(Collectors.joining("\n"));
    }

    private static org.privatedomain.cdp.core.identity.Identity randomIdentity(Random random) {
        var types = List.of(org.privatedomain.cdp.core.identity.IdentityType.WECHAT_UNIONID,
                org.privatedomain.cdp.core.identity.IdentityType.TMALL_OUID,
                org.privatedomain.cdp.core.identity.IdentityType.MEMBER_NO,
                org.privatedomain.cdp.core.identity.IdentityType.ANONYMOUS);
        var type = types.get(random.nextInt(types.size()));
        return new org.privatedomain.cdp.core.identity.Identity(type, type.name().charAt(0) + "" + random.nextInt(60));
    }

    private ImportJobView latestJob() {
        long id = jdbc.sql("select max(j.id) from core.import_job j join core.brand b on b.id = j.brand_id where b.code = ?")
                .param(brand).query(Long.class).single();
        return ingest.job(brand, id);
    }

    private List<String> rows(String table, String columns) {
        return jdbc.sql("select " + columns + " from " + table + " t join core.brand b on b.id = t.brand_id"
                        + " where b.code = ? order by 1, 2")
                .param(brand)
                .query((rs, row) -> IntStream.rangeClosed(1, rs.getMetaData().getColumnCount())
                        .mapToObj(c -> {
                            try {
                                return String.valueOf(rs.getObject(c));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .collect(Collectors.joining(" ")))
                .list();
    }

    private List<String> relationships(String code) {
        return jdbc.sql("""
                        select r.field, r.connected_at, r.disconnected_at from core.relationship r
                          join core.brand b on b.id = r.brand_id where b.code = ? order by 1, 2
                        """)
                .param(code)
                .query((rs, row) -> rs.getString(1) + " "
                        + rs.getObject(2, java.time.OffsetDateTime.class)
                                .atZoneSameInstant(java.time.ZoneOffset.ofHours(8)).toOffsetDateTime() + " "
                        + (rs.getObject(3) == null ? "null" : rs.getObject(3, java.time.OffsetDateTime.class)
                                .atZoneSameInstant(java.time.ZoneOffset.ofHours(8)).toOffsetDateTime()))
                .list();
    }

    /** Each live person as the set of identities it holds. */
    private Set<Set<String>> persons(String code) {
        return groupedBy(code, "select member_id, type || ':' || lookup_key from core.identity");
    }

    /** The second column's values grouped by the first (a member id), as a set of sets: ids do not matter. */
    private Set<Set<String>> groupedBy(String code, String sql) {
        Map<Long, Set<String>> groups = new java.util.HashMap<>();
        jdbc.sql("select * from (" + sql.replace(" from ", " , brand_id from ") + ") t"
                        + " where t.brand_id = (select id from core.brand where code = ?)")
                .param(code)
                .query((rs, row) -> groups.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return new HashSet<>(groups.values());
    }

    /** Everything a load writes, without generated ids and times. */
    private Map<String, Object> snapshot(String code) {
        return Map.of(
                "persons", persons(code),
                "orders", groupedBy(code, "select member_id, order_id || ' ' || status || ' ' || amount || ' ' "
                        + "|| refunded_amount from core.orders"),
                "members", jdbc.sql("select count(*) from core.member where brand_id = (select id from core.brand"
                        + " where code = ?)").param(code).query(Long.class).single());
    }

    /** A body whose connection drops after {@code limit} bytes. */
    private static final class CutOffStream extends InputStream {

        private final ByteArrayInputStream bytes;
        private int left;

        CutOffStream(byte[] bytes, int limit) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("connection reset");
            }
            int n = bytes.read(buffer, offset, Math.min(length, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
