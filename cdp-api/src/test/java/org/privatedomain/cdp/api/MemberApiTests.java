package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.api.ApiTest.PLATFORM_KEY;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class MemberApiTests {

    @Autowired
    ApiClient api;

    String brand;
    String operator;
    String analyst;

    @BeforeEach
    void newBrand() {
        brand = api.createBrand();
        operator = api.issueKey(brand, "OPERATOR");
        analyst = api.issueKey(brand, "ANALYST");
    }

    @Test
    void anOperatorWritesAProfileAndReadsItBack() {
        Answer written = upsert("""
                {"identities":[{"type":"PHONE","value":"138 1234 5678"},{"type":"WECHAT_UNIONID","value":"oU1"}],
                 "name":"张伟","gender":"MALE","birthday":"1990-05-01","city":"杭州","province":"浙江",
                 "registeredAt":"2024-03-01T10:00:00+08:00","attributes":{"level":"gold","points":120}}""");

        assertThat(written.status()).isEqualTo(200);
        long id = written.json().get("id").asLong();
        JsonNode member = api.get(members() + "/" + id, operator).json();
        assertThat(member.get("name").asString()).isEqualTo("张伟");
        assertThat(member.get("birthday").asString()).isEqualTo("1990-05-01");
        assertThat(member.at("/attributes/points").asInt()).isEqualTo(120);
        assertThat(member.get("identities").findValuesAsString("value")).containsExactlyInAnyOrder("13812345678", "oU1");
    }

    @Test
    void anAnalystSeesPhonesMaskedAndCannotWrite() {
        long id = upsert("{\"identities\":[{\"type\":\"PHONE\",\"value\":\"13812345678\"}],"
                + "\"name\":\"张伟\",\"birthday\":\"1990-05-01\"}").json().get("id").asLong();

        JsonNode member = api.get(members() + "/" + id, analyst).json();

        assertThat(member.get("identities").findValuesAsString("value")).containsExactly("138****5678");
        assertThat(member.get("name").asString()).isEqualTo("张*");
        assertThat(member.get("birthday").isNull()).isTrue();
        api.get(members() + "?identity=PHONE:13812345678", analyst).problem(403, "access-refused");
        assertThat(api.get(members() + "/" + id, analyst).body()).doesNotContain("13812345678");
        api.post(members(), analyst, "{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"x\"}]}")
                .problem(403, "access-refused");
    }

    @Test
    void aMemberIsFoundByAnyOfItsIdentities() {
        long id = upsert("{\"identities\":[{\"type\":\"PHONE\",\"value\":\"13812345678\"},"
                + "{\"type\":\"TMALL_OUID\",\"value\":\"t-1\"}]}").json().get("id").asLong();

        assertThat(api.get(members() + "?identity=" + encode("PHONE:+86 13812345678"), operator).json()
                .get("id").asLong()).isEqualTo(id);
        assertThat(api.get(members() + "?identity=TMALL_OUID:t-1", analyst).json().get("id").asLong()).isEqualTo(id);
        api.get(members() + "?identity=TMALL_OUID:t-1&tag=vip", operator).problem(400, "missing-parameter");
        api.get(members() + "?identity=TMALL_OUID:t-2", operator).problem(404, "member-not-found");
        api.get(members() + "?identity=FAX:123", operator).problem(400, "invalid-parameter");
        api.get(members(), operator).problem(400, "missing-parameter");
        api.get(members() + "?identity=PHONE:abc", operator).problem(400, "invalid-identity");
    }

    @Test
    void aRetiredIdRedirectsToItsSurvivor() {
        long older = upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m1\"}]}").json().get("id").asLong();
        long younger = upsert("{\"identities\":[{\"type\":\"WECHAT_UNIONID\",\"value\":\"u1\"}]}").json().get("id")
                .asLong();
        upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m1\"},{\"type\":\"WECHAT_UNIONID\",\"value\":\"u1\"}]}");

        Answer retired = api.get(members() + "/" + younger, operator);

        JsonNode problem = retired.problem(308, "member-merged");
        assertThat(problem.get("movedTo").asString()).isEqualTo(Long.toString(older));
        assertThat(retired.header("Location")).contains(members() + "/" + older);
        assertThat(api.get(members() + "/0" + younger + "/timeline?limit=5", operator).header("Location"))
                .contains(members() + "/" + older + "/timeline?limit=5");
        api.put(members() + "/" + younger + "/tags/vip", operator, "").problem(308, "member-merged");
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        long id = upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m1\"}]}").json().get("id").asLong();

        assertThat(api.put(members() + "/" + id + "/tags/" + encode("高价值"), operator, "").status()).isEqualTo(204);
        JsonNode page = api.get(members() + "?tag=" + encode("高价值"), analyst).json();
        assertThat(page.at("/items/0/tags/0").asString()).isEqualTo("高价值");
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(page.get("nextAfter").isNull()).isTrue();
        assertThat(api.delete(members() + "/" + id + "/tags/" + encode("高价值"), operator).status()).isEqualTo(204);
        assertThat(api.get(members() + "?tag=" + encode("高价值"), analyst).json().get("items").size()).isZero();
        JsonNode invalid = api.put(members() + "/" + id + "/tags/" + encode(" bad"), operator, "")
                .problem(400, "invalid-input");
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("tag");
        api.get(members() + "?tag=x&limit=0", analyst).problem(400, "invalid-input");
    }

    @Test
    void badProfilesAreRefusedNamingTheField() {
        JsonNode problem = upsert("{\"identities\":[],\"birthday\":\"2999-01-01\"}").problem(400, "invalid-input");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("birthday", "birthday", "identities"); // in the future, and past tomorrow

        upsert("{\"identities\":[{\"type\":\"PHONE\"}]}").problem(400, "invalid-input");
        upsert("{\"identities\":[{\"type\":\"PASSPORT\",\"value\":\"x\"}]}").problem(400, "malformed-body");
        upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"x\"}],\"attributes\":[1]}")
                .problem(400, "malformed-body");
        upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"x\"}],\"name\":\"a\\u0000b\"}")
                .problem(400, "unstorable-value");
    }

    @Test
    void membersOfAnotherBrandAreNotFound() {
        long id = upsert("{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m1\"}]}").json().get("id").asLong();
        String otherBrand = api.createBrand();
        String otherKey = api.issueKey(otherBrand, "ADMIN");

        api.get(members() + "/" + id, otherKey).problem(404, "brand-not-found");
        api.get("/api/v1/brands/" + otherBrand + "/members/" + id, otherKey).problem(404, "member-not-found");
        api.get(members() + "/" + id, PLATFORM_KEY).problem(403, "access-refused");
        api.get(members() + "/not-a-number", operator).problem(400, "invalid-parameter");
    }

    @Test
    void onlyABrandAdminErasesAndExports() {
        long id = upsert("{\"identities\":[{\"type\":\"PHONE\",\"value\":\"13812345678\"}],\"name\":\"张伟\"}")
                .json().get("id").asLong();
        String admin = api.issueKey(brand, "ADMIN");

        api.get(members() + "/" + id + "/export", operator).problem(403, "access-refused");
        api.delete(members() + "/" + id, operator).problem(403, "access-refused");
        api.post("/api/v1/brands/" + brand + "/events", operator, """
                {"eventId":"x1","type":"CONNECT","occurredAt":"2026-03-01T10:00:00+08:00",
                 "identities":[{"type":"PHONE","value":"13812345678"}],"field":"STORE"}""");
        JsonNode export = api.get(members() + "/" + id + "/export", admin).json();
        assertThat(export.at("/member/name").asString()).isEqualTo("张伟");
        assertThat(export.at("/relationships/0/field").asString()).isEqualTo("STORE");
        assertThat(export.at("/timeline/0/id").asString()).isEqualTo("x1");
        assertThat(export.has("exportedAt")).isTrue();
        assertThat(export.at("/member/identities/0/value").asString()).isEqualTo("13812345678");

        assertThat(api.delete(members() + "/" + id, admin).status()).isEqualTo(204);

        api.get(members() + "/" + id, operator).problem(404, "member-erased");
        api.get(members() + "?identity=PHONE:13812345678", operator).problem(404, "member-not-found");
        api.delete(members() + "/" + id, admin).problem(404, "member-erased");
    }

    @Test
    void eventsBuildRelationshipsConsentAndTheTimeline() {
        String events = "/api/v1/brands/" + brand + "/events";
        Answer first = api.post(events, operator, """
                {"eventId":"e1","type":"CONNECT","occurredAt":"2026-03-01T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],"field":"GROUP_CHAT"}""");
        assertThat(first.status()).isEqualTo(201);
        long id = first.json().get("memberId").asLong();
        api.post(events, operator, """
                {"eventId":"e2","type":"CONSENT","occurredAt":"2026-03-02T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],
                 "purpose":"MARKETING","channel":"SMS","granted":false}""");
        Answer again = api.post(events, operator, """
                {"eventId":"e1","type":"CONNECT","occurredAt":"2026-03-01T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],"field":"GROUP_CHAT"}""");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        JsonNode member = api.get(members() + "/" + id, analyst).json();
        assertThat(member.at("/relationships/0/field").asString()).isEqualTo("GROUP_CHAT");
        assertThat(member.at("/relationships/0/connectedAt").asString()).isEqualTo("2026-03-01T02:00:00Z");
        assertThat(member.at("/relationships/0/disconnectedAt").isNull()).isTrue();
        assertThat(member.at("/consents/0/granted").asBoolean()).isFalse();
        assertThat(api.get(members() + "/" + id + "/consents", analyst).json().at("/history/0/eventId").asString())
                .isEqualTo("e2");
        assertThat(api.get(members() + "/" + id + "/timeline?limit=1", analyst).json().at("/items/0/id")
                .asString()).isEqualTo("e2");
        api.post(events, operator, """
                {"eventId":"e3","type":"CONNECT","occurredAt":"2026-03-01T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}]}""").problem(400, "invalid-event");
        api.post(events, operator, """
                {"eventId":"e4","type":"CONNECT","occurredAt":"2026-03-01T10:00:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],"field":"GROUP_CHAT"}""")
                .problem(400, "malformed-body");
        api.post(events, operator, """
                {"eventId":"e5","type":"CONNECT","occurredAt":"20266-03-01T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],"field":"GROUP_CHAT"}""")
                .problem(400, "malformed-body");
        JsonNode future = api.post(events, operator, """
                {"eventId":"e6","type":"CONNECT","occurredAt":"2999-03-01T10:00:00+08:00",
                 "identities":[{"type":"WECHAT_UNIONID","value":"oU9"}],"field":"GROUP_CHAT"}""")
                .problem(400, "invalid-input");
        assertThat(future.at("/errors/0/field").asString()).isEqualTo("occurredAt");
        api.post(events, analyst, "{}").problem(403, "access-refused");
    }

    @Test
    void ordersAreRecordedOnceAndUpdatedByTheirId() {
        String orders = "/api/v1/brands/" + brand + "/orders";
        String order = """
                {"orderId":"o-1","identities":[{"type":"PHONE","value":"13812345678"}],
                 "paidAt":"2026-11-11T00:05:00+08:00","amount":"299.00","status":"%s"%s,"channel":"TMALL",
                 "items":[{"sku":"SKU-1","quantity":1,"price":299.00}]}""";

        Answer created = api.post(orders, operator, order.formatted("PAID", ""));
        Answer refunded = api.post(orders, operator, order.formatted("PARTIALLY_REFUNDED", ",\"refundedAmount\":100"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().get("updated").asBoolean()).isTrue();
        long id = created.json().get("memberId").asLong();
        JsonNode entry = api.get(members() + "/" + id + "/timeline", analyst).json().at("/items/0");
        assertThat(entry.get("type").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(entry.at("/details/refundedAmount").decimalValue()).isEqualByComparingTo("100.00");
        api.post(orders, operator, order.formatted("PARTIALLY_REFUNDED", ",\"refundedAmount\":300"))
                .problem(400, "invalid-order");
        api.post(orders, operator, order.formatted("PAID", "").replace("299.00\",", "-1\","))
                .problem(400, "invalid-input");
        api.post(orders, operator, order.formatted("PAID", "").replace("\"299.00\"", "\"2.999\""))
                .problem(400, "invalid-input");
    }

    private Answer upsert(String json) {
        return api.post(members(), operator, json);
    }

    private String members() {
        return "/api/v1/brands/" + brand + "/members";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
