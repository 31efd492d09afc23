package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class SegmentApiTests {

    private static final String VIPS = "{\"type\":\"tag\",\"tag\":\"vip\"}";

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
    void aSegmentIsPreviewedSavedRefreshedAndReadBack() {
        List<Long> vips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vips.add(member("v" + i, "vip"));
        }
        member("n", "new");

        assertThat(api.post(segments() + ":preview", operator, "{\"rule\":" + VIPS + "}").json().get("count").asLong())
                .isEqualTo(3);
        assertThat(api.post(segments() + ":preview", operator, """
                {"rule": {"all": [
                  {"type": "membership"},
                  {"type": "profile", "attribute": "city", "op": "in", "value": ["杭州"]},
                  {"type": "orders", "metric": "purchaseDays", "op": "gte", "value": 2, "window": {"last": "P90D"}},
                  {"not": {"type": "consent", "purpose": "MARKETING", "channel": "SMS", "granted": false}}]}}""")
                .json().get("count").asLong()).as("the README's example").isZero();
        Answer created = save("VIP 客户", VIPS);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(segments() + "/" + id));
        assertThat(created.json().get("size").isNull()).isTrue();

        JsonNode refresh = api.post(segments() + "/" + id + "/refresh", operator, "").json();
        assertThat(refresh.get("size").asLong()).isEqualTo(3);
        assertThat(refresh.get("added").asLong()).isEqualTo(3);
        JsonNode segment = api.get(segments() + "/" + id, analyst).json();
        assertThat(segment.get("name").asString()).isEqualTo("VIP 客户");
        assertThat(segment.at("/rule/tag").asString()).isEqualTo("vip");
        assertThat(segment.get("size").asLong()).isEqualTo(3);
        assertThat(api.get(segments(), analyst).json().findValuesAsString("name")).containsExactly("VIP 客户");
        JsonNode history = api.get(segments() + "/" + id + "/history", analyst).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("removed").asLong()).isZero();
    }

    @Test
    void membersArePagedByIdAndExportedAsCsv() {
        List<Long> vips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vips.add(member("v" + i, "vip"));
        }
        long id = save("vips", VIPS).json().get("id").asLong();
        api.post(segments() + "/" + id + "/refresh", operator, "");

        JsonNode first = api.get(segments() + "/" + id + "/members?limit=2", analyst).json();
        JsonNode second = api.get(segments() + "/" + id + "/members?limit=2&after="
                + first.get("nextAfter").asLong(), analyst).json();
        Answer csv = api.get(segments() + "/" + id + "/members.csv", analyst);
        Answer accepted = api.send(api.request(segments() + "/" + id + "/members", analyst)
                .header("Accept", "text/csv").GET());

        assertThat(first.get("items").findValues("memberId")).extracting(JsonNode::asLong)
                .containsExactly(vips.get(0), vips.get(1));
        assertThat(second.get("items").findValues("memberId")).extracting(JsonNode::asLong)
                .containsExactly(vips.get(2));
        assertThat(second.get("nextAfter").isNull()).isTrue();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(4).first().isEqualTo("member_id,since");
        assertThat(csv.body().lines().skip(1).map(line -> Long.parseLong(line.split(",")[0])).toList())
                .containsExactlyElementsOf(vips);
        assertThat(accepted.body()).isEqualTo(csv.body());
        api.get(segments() + "/" + id + "/members?limit=0", analyst).problem(400, "invalid-input");
    }

    @Test
    void aFaultyRuleIsAProblemNamingItsNode() {
        JsonNode problem = api.post(segments() + ":preview", operator, """
                {"rule":{"all":[{"type":"tag","tag":"vip"},
                                {"any":[{"type":"orders","metric":"count","op":"gte","value":1,"window":"last week"}]}]}}""")
                .problem(400, "invalid-input");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("rule.all[1].any[0].window");

        JsonNode saved = save("bad", "{\"any\":[]}").problem(400, "invalid-input");
        assertThat(saved.get("errors").findValuesAsString("field")).containsExactly("rule.any");
        api.post(segments(), operator, "{\"name\":\"x\",\"rule\":" + VIPS + ",\"colour\":1}").problem(400, "malformed-body");
        api.post(segments(), operator, "{\"name\":\"\",\"rule\":" + VIPS + "}").problem(400, "invalid-input");
        api.post(segments(), operator, "{\"name\":\"x\",\"rule\":" + VIPS + ",\"refreshSchedule\":\"hourly\"}")
                .problem(400, "invalid-input");
    }

    @Test
    void segmentsOfAnotherBrandAreNotFound() {
        long id = save("vips", VIPS).json().get("id").asLong();
        String other = api.createBrand();
        String otherKey = api.issueKey(other, "OPERATOR");

        api.get(segments() + "/" + id, otherKey).problem(404, "brand-not-found");
        api.get("/api/v1/brands/" + other + "/segments/" + id, otherKey).problem(404, "segment-not-found");
        api.get("/api/v1/brands/" + other + "/segments/" + id + "/members.csv", otherKey).problem(404, "segment-not-found");
        assertThat(api.send(api.request("/api/v1/brands/" + other + "/segments/" + id + "/members", otherKey)
                .header("Accept", "text/csv").GET()).status()).isEqualTo(404);
        api.post("/api/v1/brands/" + other + "/segments/" + id + "/refresh", otherKey, "").problem(404, "segment-not-found");
        api.delete("/api/v1/brands/" + other + "/segments/" + id, otherKey).problem(404, "segment-not-found");
        assertThat(api.get("/api/v1/brands/" + other + "/segments", otherKey).json()).isEmpty();
    }

    @Test
    void analystsReadAndPreviewButDoNotChangeSegments() {
        long id = save("vips", VIPS).json().get("id").asLong();

        assertThat(api.post(segments() + ":preview", analyst, "{\"rule\":" + VIPS + "}").status()).isEqualTo(200);
        api.post(segments() + ":preview", analyst, "{\"rule\":{\"not\":{\"type\":\"profile\",\"attribute\":\"name\","
                + "\"op\":\"eq\",\"value\":\"张伟\"}}}").problem(403, "access-refused");
        assertThat(api.post(segments() + ":preview", operator, "{\"rule\":{\"type\":\"profile\",\"attribute\":\"name\","
                + "\"op\":\"eq\",\"value\":\"张伟\"}}").status()).isEqualTo(200);
        api.post(segments(), analyst, "{\"name\":\"x\",\"rule\":" + VIPS + "}").problem(403, "access-refused");
        api.put(segments() + "/" + id, analyst, "{\"name\":\"x\",\"rule\":" + VIPS + "}").problem(403, "access-refused");
        api.post(segments() + "/" + id + "/refresh", analyst, "").problem(403, "access-refused");
        api.delete(segments() + "/" + id, analyst).problem(403, "access-refused");
    }

    @Test
    void cyclesUsedSegmentsAndTakenNamesAreConflicts() {
        long a = save("a", VIPS).json().get("id").asLong();
        long b = save("b", "{\"type\":\"segment\",\"segmentId\":" + a + "}").json().get("id").asLong();

        JsonNode cycle = api.put(segments() + "/" + a, operator,
                "{\"name\":\"a\",\"rule\":{\"type\":\"segment\",\"segmentId\":" + b + "}}").problem(409, "segment-cycle");
        assertThat(cycle.get("detail").asString()).contains(a + " (a) uses " + b + " (b) uses " + a + " (a)");
        api.delete(segments() + "/" + a, operator).problem(409, "segment-in-use");
        save("a", VIPS).problem(409, "segment-name-taken");
        save("c", "{\"type\":\"segment\",\"segmentId\":" + (b + 1000) + "}").problem(400, "invalid-input");

        JsonNode changed = api.put(segments() + "/" + b, operator, "{\"name\":\"b2\",\"description\":\"no longer uses a\","
                + "\"rule\":" + VIPS + ",\"refreshSchedule\":\"P1D\"}").json();
        assertThat(changed.get("usesSegments")).isEmpty();
        assertThat(changed.get("refreshSchedule").asString()).isEqualTo("P1D");
        assertThat(api.delete(segments() + "/" + a, operator).status()).isEqualTo(204);
        api.get(segments() + "/" + a, operator).problem(404, "segment-not-found");
    }

    @Test
    void theRuleLanguagesCodesAreLabelledInChineseOrEnglish() {
        Answer chinese = api.get(segments() + "/conditions", analyst);
        Answer english = api.send(api.request(segments() + "/conditions", analyst)
                .header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5").GET());

        assertThat(chinese.header("Content-Language")).hasValue("zh-CN");
        assertThat(chinese.json().at("/types/0/label").asString()).isEqualTo("资料字段");
        assertThat(english.header("Content-Language")).hasValue("en");
        assertThat(english.json().at("/orderMetrics/1").toString())
                .isEqualTo("{\"code\":\"netAmount\",\"label\":\"Net amount\"}");
    }

    private Answer save(String name, String rule) {
        return api.post(segments(), operator, "{\"name\":\"" + name + "\",\"rule\":" + rule + "}");
    }

    private long member(String memberNo, String tag) {
        long id = api.post("/api/v1/brands/" + brand + "/members", operator,
                "{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"" + memberNo + "\"}]}").json().get("id").asLong();
        assertThat(api.put("/api/v1/brands/" + brand + "/members/" + id + "/tags/" + tag, operator, "").status())
                .isEqualTo(204);
        return id;
    }

    private String segments() {
        return "/api/v1/brands/" + brand + "/segments";
    }
}
