package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tiers, transitions and RFM over HTTP, with names in the caller's language. */
@ApiTest
class SegmentationApiTests {

    @Autowired
    ApiClient api;

    String brand;
    String operator;
    String analyst;

    @BeforeEach
    void brandWithTwoMembers() {
        brand = api.createBrand();
        operator = api.issueKey(brand, "OPERATOR");
        analyst = api.issueKey(brand, "ANALYST");
        // Ann joins in September and buys on two October days; Bo follows the store and buys once in October.
        event("j1", "JOIN_MEMBERSHIP", "ann", "2026-09-10T10:00:00+08:00", null);
        event("c1", "CONNECT", "bo", "2026-09-10T10:00:00+08:00", "STORE");
        order("o1", "ann", "2026-10-02T10:00:00+08:00", "100.00");
        order("o2", "ann", "2026-10-09T10:00:00+08:00", "300.00");
        order("o3", "bo", "2026-10-03T10:00:00+08:00", "50.00");
    }

    @Test
    void personsPerTierAreNamedInChineseByDefaultAndInEnglishOnRequest() {
        JsonNode tiers = api.get(base() + "/tiers?period=2026-10", analyst).json();

        assertThat(tiers.get("period").asString()).isEqualTo("2026-10");
        assertThat(tiers.get("start").asString()).isEqualTo("2026-09-30T16:00:00Z");
        assertThat(tier(tiers, "REPEAT_MEMBER").get("persons").asLong()).isEqualTo(1);
        assertThat(tier(tiers, "REPEAT_MEMBER").get("name").asString()).isEqualTo("复购会员");
        assertThat(tier(tiers, "BASIC").get("persons").asLong()).isEqualTo(1);
        assertThat(tiers.get("purchasingNonMembers").asLong()).isEqualTo(1);
        assertThat(tiers.get("persons").asLong()).isEqualTo(2);

        JsonNode english = api.send(api.request(base() + "/tiers?period=2026-10", analyst)
                .header("Accept-Language", "en-US,en;q=0.9").GET()).json();
        assertThat(tier(english, "REPEAT_MEMBER").get("name").asString()).isEqualTo("Repeat member");
    }

    @Test
    void theTransitionMatrixComesWithItsNames() {
        JsonNode transitions = api.get(base() + "/tiers/transitions?period=2026-10", operator).json();

        assertThat(transitions.get("from").asString()).isEqualTo("2026-09");
        assertThat(transitions.at("/matrix/MEMBER/REPEAT_MEMBER").asLong()).isEqualTo(1);
        assertThat(transitions.at("/matrix/BASIC/BASIC").asLong()).isEqualTo(1);
        assertThat(transitions.at("/names/KOC").asString()).isEqualTo("品牌KOC");
        assertThat(transitions.get("upgraded").asLong()).isEqualTo(1);
    }

    @Test
    void rfmGivesScoresSegmentsAndCutPoints() {
        JsonNode rfm = api.get(base() + "/rfm?asOf=2026-10-31", analyst).json();

        // Ann: R 22, F 2, M 400; Bo: R 28, F 1, M 50. Cut points interpolate between the two.
        assertThat(rfm.get("scored").asLong()).isEqualTo(2);
        assertThat(rfm.at("/cutPoints/recency").toString()).isEqualTo("[23.2,24.4,25.6,26.8]");
        assertThat(rfm.at("/cutPoints/monetary/0").decimalValue()).isEqualByComparingTo("120");
        assertThat(rfm.at("/scores/recency/5").asLong()).isEqualTo(1);
        assertThat(rfm.get("segments")).hasSize(8);
        assertThat(rfm.at("/segments/0/code").asString()).isEqualTo("IMPORTANT_VALUE");
        assertThat(rfm.at("/segments/0/name").asString()).isEqualTo("重要价值客户");
        assertThat(rfm.at("/segments/0/persons").asLong()).isEqualTo(1);
        assertThat(rfm.get("at").asString()).isEqualTo("2026-10-31T16:00:00Z");
    }

    @Test
    void theProfileShowsTheCurrentTierAndRfm() {
        api.get(base() + "/rfm?asOf=2026-10-31", operator);
        long ann = api.get(base() + "/members?identity=MEMBER_NO:ann", operator).json().get("id").asLong();

        JsonNode profile = api.get(base() + "/members/" + ann, analyst).json();

        assertThat(profile.at("/tier/tier").asString()).isIn("MEMBER", "PURCHASED_MEMBER", "REPEAT_MEMBER", "KOC");
        assertThat(profile.at("/rfm/asOf").asString()).isEqualTo("2026-10-31");
        assertThat(profile.at("/rfm/segment").asString()).isEqualTo("IMPORTANT_VALUE");
        assertThat(profile.at("/rfm/segmentName").asString()).isEqualTo("重要价值客户");
        assertThat(profile.at("/rfm/monetary").decimalValue()).isEqualByComparingTo("400.00");
        JsonNode history = api.get(base() + "/members/" + ann + "/tiers?periods=3", analyst).json();
        assertThat(history).hasSize(3);
    }

    @Test
    void theCrowdMatrixListsItsCellsWithNames() {
        JsonNode matrix = api.get(base() + "/crowd-matrix?period=2026-10", analyst).json();

        // Ann: REPEAT_MEMBER, M 400 of (50, 400) -> score 5, HIGH; Bo: BASIC, M 50 -> score 1, LOW.
        assertThat(matrix.get("cells")).hasSize(2);
        assertThat(matrix.at("/cells/0/tier/code").asString()).isEqualTo("REPEAT_MEMBER");
        assertThat(matrix.at("/cells/0/value/code").asString()).isEqualTo("HIGH");
        assertThat(matrix.at("/cells/0/value/name").asString()).isEqualTo("高价值");
        assertThat(matrix.at("/cells/0/averageOrderValue").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(matrix.at("/cells/1/tier/code").asString()).isEqualTo("BASIC");
        assertThat(matrix.at("/cells/1/propagation/code").asString()).isEqualTo("NONE");
    }

    @Test
    void badPeriodsAndDatesAreClearProblems() {
        api.get(base() + "/tiers?period=2026-W42", operator).problem(400, "invalid-period");
        api.get(base() + "/tiers/transitions?period=oct", operator).problem(400, "invalid-period");
        api.get(base() + "/rfm?asOf=31.10.2026", operator).problem(400, "invalid-parameter");
        api.get(base() + "/rfm?asOf=2999-01-01", operator).problem(400, "invalid-parameter");
        long ann = api.get(base() + "/members?identity=MEMBER_NO:ann", operator).json().get("id").asLong();
        api.get(base() + "/members/" + ann + "/tiers?periods=0", operator).problem(400, "invalid-parameter");
        Answer otherBrand = api.get("/api/v1/brands/" + api.createBrand() + "/tiers", operator);
        otherBrand.problem(404, "brand-not-found");
    }

    private static JsonNode tier(JsonNode tiers, String code) {
        for (JsonNode tier : tiers.get("tiers")) {
            if (tier.get("code").asString().equals(code)) {
                return tier;
            }
        }
        throw new AssertionError("no tier " + code);
    }

    private void event(String id, String type, String person, String at, String field) {
        Answer answer = api.post(base() + "/events", operator, "{\"eventId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"" + person
                + "\"}]" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}");
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
    }

    private void order(String id, String person, String paidAt, String amount) {
        Answer answer = api.post(base() + "/orders", operator, "{\"orderId\":\"" + id + "\",\"identities\":"
                + "[{\"type\":\"MEMBER_NO\",\"value\":\"" + person + "\"}],\"paidAt\":\"" + paidAt
                + "\",\"amount\":" + amount + ",\"status\":\"PAID\"}");
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
    }

    private String base() {
        return "/api/v1/brands/" + brand;
    }
}
