package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The FAST+ report, its drill-down, a member's CLV and the classic KPIs over HTTP, as JSON and CSV. */
@ApiTest
class MetricsApiTests {

    @Autowired
    ApiClient api;

    String brand;
    String analyst;
    String operator;

    @BeforeEach
    void brandWithAReferral() {
        brand = api.createBrand();
        operator = api.issueKey(brand, "OPERATOR");
        analyst = api.issueKey(brand, "ANALYST");
        // Ann: member since September, buys twice in October; Bo follows the group chat, visits it, and buys 50
        // in October naming Ann as sharer. Cy only visits the live room.
        send("/events", "{\"eventId\":\"j1\",\"type\":\"JOIN_MEMBERSHIP\",\"occurredAt\":\"2026-09-10T10:00:00+08:00\","
                + "\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"ann\"}]}");
        send("/events", "{\"eventId\":\"c1\",\"type\":\"CONNECT\",\"field\":\"GROUP_CHAT\","
                + "\"occurredAt\":\"2026-09-10T10:00:00+08:00\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"bo\"}]}");
        send("/events", "{\"eventId\":\"v1\",\"type\":\"VISIT\",\"field\":\"GROUP_CHAT\","
                + "\"occurredAt\":\"2026-10-03T10:00:00+08:00\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"bo\"}]}");
        send("/events", "{\"eventId\":\"v2\",\"type\":\"VISIT\",\"field\":\"LIVE\","
                + "\"occurredAt\":\"2026-10-04T10:00:00+08:00\",\"identities\":[{\"type\":\"ANONYMOUS\",\"value\":\"cy\"}]}");
        send("/orders", "{\"orderId\":\"o1\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"ann\"}],"
                + "\"paidAt\":\"2026-10-02T10:00:00+08:00\",\"amount\":\"100.00\",\"status\":\"PAID\"}");
        send("/orders", "{\"orderId\":\"o2\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"ann\"}],"
                + "\"paidAt\":\"2026-10-09T10:00:00+08:00\",\"amount\":\"200.00\",\"status\":\"PAID\"}");
        send("/orders", "{\"orderId\":\"o3\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"bo\"}],"
                + "\"paidAt\":\"2026-10-05T10:00:00+08:00\",\"amount\":\"50.00\",\"status\":\"PAID\","
                + "\"referral\":{\"sharer\":{\"type\":\"MEMBER_NO\",\"value\":\"ann\"}}}");
    }

    @Test
    void theFastPlusEntryHasTheShapeOfTheContract() {
        JsonNode report = api.get(base() + "/metrics/fast-plus?from=2026-09&to=2026-10", analyst).json();

        assertThat(report).hasSize(2);
        JsonNode october = report.get(1);
        assertThat(october.get("period").asString()).isEqualTo("2026-10");
        assertThat(october.get("capital").asLong()).isEqualTo(2);
        // Base: Ann and Bo in Capital on 10-01; Ann MEMBER -> KOC (two days, Bo's order names her).
        assertThat(october.at("/conversion/deepened").asLong()).isEqualTo(1);
        assertThat(october.at("/conversion/base").asLong()).isEqualTo(2);
        assertThat(october.at("/conversion/rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(october.at("/connection/fields/GROUP_CHAT/rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(october.at("/connection/fields/LIVE/visitors").asLong()).isEqualTo(1);
        assertThat(october.at("/connection/all/active").asLong()).isEqualTo(1);
        assertThat(october.at("/connection/all/visitors").asLong()).isEqualTo(2);
        // CLV on 11-01: Ann 300 own + 50 propagation, Bo 50.
        assertThat(october.at("/clv/mean").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(october.at("/clv/byTier/KOC").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(october.at("/tiers/KOC").asLong()).isEqualTo(1);
        assertThat(october.get("computedAt").asString()).isNotBlank();
        // September: nobody visited, so the rate is null.
        assertThat(report.get(0).at("/connection/all/rate").isNull()).isTrue();
    }

    @Test
    void everyTableDownloadsAsCsv() {
        Answer csv = api.get(base() + "/metrics/fast-plus.csv?from=2026-09&to=2026-10", analyst);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow()).contains("fast-plus.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("period,start,end,computedAt,capital");
        assertThat(lines[2]).startsWith("2026-10,");
        assertThat(api.get(base() + "/metrics/kpis.csv?from=2026-10&to=2026-10", analyst).body().split("\r\n"))
                .hasSize(2);
        assertThat(api.get(base() + "/metrics/retention.csv?from=2026-09&to=2026-10", analyst).body())
                .contains("2026-09,1,1,1");
        String persons = api.get(base() + "/metrics/fast-plus/persons.csv?period=2026-10&figure=CAPITAL", analyst)
                .body();
        assertThat(persons.split("\r\n")).hasSize(3);
    }

    @Test
    void aFigureCanBeCheckedPersonByPerson() {
        long ann = api.get(base() + "/members?identity=MEMBER_NO:ann", operator).json().get("id").asLong();

        JsonNode deepened = api.get(base() + "/metrics/fast-plus/persons?period=2026-10&figure=CONVERSION_DEEPENED",
                analyst).json();
        api.get(base() + "/members/" + ann + "/clv?at=%2B999999999-12-31T00:00:00Z", analyst)
                .problem(400, "invalid-parameter");
        JsonNode clv = api.get(base() + "/members/" + ann + "/clv?at=2026-11-01T00:00:00%2B08:00", analyst).json();

        assertThat(deepened.get("memberIds").get(0).asLong()).isEqualTo(ann);
        assertThat(deepened.get("nextAfter").isNull()).isTrue();
        assertThat(clv.get("own").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(clv.get("propagation").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(clv.at("/propagationOrders/0/orderId").asString()).isEqualTo("o3");
    }

    @Test
    void classicKpisAndCohorts() {
        JsonNode kpis = api.get(base() + "/metrics/kpis?from=2026-10&to=2026-10", analyst).json();
        JsonNode retention = api.get(base() + "/metrics/retention?from=2026-09&to=2026-10", analyst).json();

        // Buyers Ann (2 days) and Bo (1): 1 of 2; member GMV 300 of 350.
        assertThat(kpis.at("/0/repurchase/rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(kpis.at("/0/memberGmvShare/rate").decimalValue()).isEqualByComparingTo("0.8571");
        assertThat(retention.at("/cohorts/0/month").asString()).isEqualTo("2026-09");
        assertThat(retention.at("/cohorts/0/members").toString()).isEqualTo("[1,1]");
    }

    @Test
    void badRangesAndFiguresAreClearProblems() {
        api.get(base() + "/metrics/fast-plus?from=2026-10&to=2026-09", analyst).problem(400, "invalid-parameter");
        api.get(base() + "/metrics/fast-plus?from=2020-01&to=2026-10", analyst).problem(400, "invalid-parameter");
        api.get(base() + "/metrics/fast-plus?from=2026-W40", analyst).problem(400, "invalid-period");
        api.get(base() + "/metrics/fast-plus/persons?figure=GMV", analyst).problem(400, "invalid-parameter");
        api.get(base() + "/metrics/fast-plus/persons?figure=CAPITAL&limit=0", analyst)
                .problem(400, "invalid-parameter");
        api.get(base() + "/metrics/retention?from=2026-13", analyst).problem(400, "invalid-parameter");
        api.get(base() + "/metrics/retention?to=%2B999999999-12", analyst).problem(400, "invalid-parameter");
        api.get(base() + "/metrics/fast-plus.csv?from=bad", analyst).problem(400, "invalid-period");
        api.get("/api/v1/brands/" + api.createBrand() + "/metrics/fast-plus", analyst)
                .problem(404, "brand-not-found");
    }

    private void send(String path, String json) {
        Answer answer = api.post(base() + path, operator, json);
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
    }

    private String base() {
        return "/api/v1/brands/" + brand;
    }
}
