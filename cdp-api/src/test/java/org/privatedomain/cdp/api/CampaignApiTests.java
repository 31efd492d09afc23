package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.privatedomain.cdp.campaign.delivery.Dispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Campaigns over HTTP: the lifecycle, messages, receipts, the report, settings and their problems. */
@ApiTest
class CampaignApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    Dispatcher dispatcher;

    String brand;
    String admin;
    String operator;
    String analyst;
    String members;

    @BeforeEach
    void brandWithThreeMembers() {
        brand = api.createBrand();
        admin = api.issueKey(brand, "ADMIN");
        operator = api.issueKey(brand, "OPERATOR");
        analyst = api.issueKey(brand, "ANALYST");
        String joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10).truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder ids = new StringBuilder();
        for (String person : new String[] {"ann", "bo", "cy"}) {
            Answer member = api.post(base() + "/members", operator,
                    "{\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"" + person + "\"}],\"name\":\"" + person
                            + "\"}");
            assertThat(member.status()).as(member.body()).isLessThan(300);
            api.post(base() + "/events", operator, "{\"eventId\":\"j-" + person
                    + "\",\"type\":\"JOIN_MEMBERSHIP\",\"occurredAt\":\"" + joined
                    + "\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"" + person + "\"}]}");
            ids.append(ids.isEmpty() ? "" : ",").append(member.json().get("id").asLong());
        }
        members = "[" + ids + "]";
    }

    @Test
    void aCampaignGoesFromDraftToItsReport() {
        Answer created = api.post(base() + "/campaigns", operator, campaign("Hello {{name}}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).contains("/api/v1/brands/" + brand + "/campaigns/" + id);
        assertThat(created.json().get("state").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("allowedTransitions").toString())
                .isEqualTo("[\"SCHEDULED\",\"RUNNING\",\"CANCELLED\"]");
        Answer updated = api.put(base() + "/campaigns/" + id, operator, campaign("Hi {{name}}, welcome back"));
        assertThat(updated.json().get("template").asString()).isEqualTo("Hi {{name}}, welcome back");

        Answer launched = api.post(base() + "/campaigns/" + id + ":launch", operator, "");
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        assertThat(launched.json().get("state").asString()).isEqualTo("RUNNING");
        JsonNode refused = api.put(base() + "/campaigns/" + id, operator, campaign("Too late"))
                .problem(409, "campaign-state-conflict");
        assertThat(refused.get("state").asString()).isEqualTo("RUNNING");
        assertThat(refused.get("allowed").toString()).isEqualTo("[\"PAUSED\",\"COMPLETED\",\"CANCELLED\"]");
        api.post(base() + "/campaigns/" + id + ":launch", operator, "").problem(409, "campaign-state-conflict");

        dispatcher.dispatch();

        JsonNode page = api.get(base() + "/campaigns/" + id + "/messages?limit=2", analyst).json();
        assertThat(page.get("messages")).hasSize(2);
        assertThat(page.at("/messages/0/state").asString()).isEqualTo("SENT");
        JsonNode last = api.get(base() + "/campaigns/" + id + "/messages?after=" + page.get("nextAfter").asLong(),
                analyst).json();
        assertThat(last.get("messages")).hasSize(1);
        assertThat(last.get("nextAfter").isNull()).isTrue();
        String receipts = "{\"receipts\":[" + receipt(page.at("/messages/0/idempotencyKey").asString()) + ","
                + receipt(page.at("/messages/1/idempotencyKey").asString()) + ","
                + receipt(last.at("/messages/0/idempotencyKey").asString()) + "]}";
        assertThat(api.post(base() + "/campaigns/receipts", operator, receipts).json().get("recorded").asInt())
                .isEqualTo(3);
        assertThat(api.post(base() + "/campaigns/receipts", operator, receipts).json().get("duplicate").asInt())
                .isEqualTo(3);

        JsonNode report = api.get(base() + "/campaigns/" + id + "/report", analyst).json();
        assertThat(report.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(report.at("/audience/entered").asLong()).isEqualTo(3);
        assertThat(report.at("/delivery/sent").asLong()).isEqualTo(3);
        assertThat(report.at("/delivery/delivered").asLong()).isEqualTo(3);
        assertThat(report.at("/treatment/persons").asLong()).isEqualTo(3);
        assertThat(report.get("uplift").isNull()).as("no holdout, no uplift").isTrue();
        JsonNode moves = report.at("/tiers/treatment");
        assertThat(moves.get("upgraded").asLong() + moves.get("unchanged").asLong() + moves.get("downgraded").asLong())
                .isEqualTo(3);
        assertThat(api.get(base() + "/campaigns", analyst).json()).hasSize(1);
    }

    @Test
    void aRetriedCreationWithItsIdempotencyKeyAnswersTheCampaignItCreated() {
        String key = "create-" + UUID.randomUUID();
        Answer first = withKey(key, campaign("Hi {{name}}"));
        Answer retry = withKey(key, campaign("Hi {{name}}"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.get(base() + "/campaigns", operator).json()).hasSize(1);
        JsonNode reused = withKey(key, campaign("Hello {{name}}")).problem(409, "idempotency-key-reused");
        assertThat(reused.get("detail").asString()).contains("campaign " + first.json().get("id").asLong());
        withKey("x".repeat(129), campaign("Hi")).problem(400, "invalid-parameter");
        withKey("with space", campaign("Hi")).problem(400, "invalid-parameter");
        assertThat(withKey("create-" + UUID.randomUUID(), campaign("Hi {{name}}")).status()).isEqualTo(201);
    }

    private Answer withKey(String idempotencyKey, String body) {
        return api.send(api.request(base() + "/campaigns", operator).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void mistakesAreProblems() {
        api.post(base() + "/campaigns", operator, campaign("Hi {{nickname}}")).problem(400, "invalid-template");
        // 399 x 10 characters, within the 4,000 of a template; each code up to 64: 25,536 > 8,000
        JsonNode tooLong = api.post(base() + "/campaigns", operator, campaign("{{coupon}}".repeat(399)))
                .problem(400, "invalid-template");
        assertThat(tooLong.get("detail").asString()).contains("25536 characters");
        assertThat(api.post(base() + "/campaigns", operator, campaign("{{coupon}}".repeat(125))).status())
                .isEqualTo(201); // 125 x 64 = 8,000 fit
        api.post(base() + "/campaigns", operator, campaign("Hi").replace("\"SMS\"", "\"FAX\""))
                .problem(400, "malformed-body");
        api.post(base() + "/campaigns", operator, campaign("Hi").replace("\"holdoutShare\":0",
                "\"trigger\":{\"type\":\"WELCOME\"},\"holdoutShare\":0")).problem(400, "invalid-campaign");
        JsonNode invalid = api.post(base() + "/campaigns", operator,
                campaign("Hi").replace("\"holdoutShare\":0", "\"holdoutShare\":0.6")).problem(400, "invalid-input");
        assertThat(invalid.at("/errors/0/field").asString()).isEqualTo("holdoutShare");
        api.post(base() + "/campaigns", analyst, campaign("Hi")).problem(403, "access-refused");

        long id = api.post(base() + "/campaigns", operator, campaign("Your code {{coupon}}")).json().get("id")
                .asLong();
        api.post(base() + "/campaigns/" + id + ":schedule", operator, "").problem(400, "invalid-schedule");
        JsonNode resume = api.post(base() + "/campaigns/" + id + ":resume", operator, "")
                .problem(409, "campaign-state-conflict");
        assertThat(resume.get("state").asString()).isEqualTo("DRAFT");
        api.post(base() + "/campaigns/" + id + ":launch", operator, "").problem(409, "campaign-without-coupons");
        assertThat(api.post(base() + "/campaigns/" + id + "/coupons", operator, "{\"codes\":[\"X1\",\"X2\",\"X1\"]}")
                .json().toString()).isEqualTo("{\"added\":2,\"duplicate\":1,\"pool\":2}");
        api.get(base() + "/campaigns/abc", operator).problem(400, "invalid-parameter");
        api.get(base() + "/campaigns/" + id + "/messages?limit=0", operator).problem(400, "invalid-parameter");

        // Another brand's campaign is as unknown as one that does not exist.
        String other = api.createBrand();
        String otherKey = api.issueKey(other, "OPERATOR");
        api.get("/api/v1/brands/" + other + "/campaigns/" + id, otherKey).problem(404, "campaign-not-found");
        api.post("/api/v1/brands/" + other + "/campaigns/" + id + ":launch", otherKey, "")
                .problem(404, "campaign-not-found");
        api.get(base() + "/campaigns/" + id, otherKey).problem(404, "brand-not-found");
    }

    @Test
    void settingsKeepTheWebhookSecretToThemselves() {
        String settings = "{\"frequencyCap\":2,\"frequencyWindowHours\":48,"
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"08:00\"},\"webhookUrl\":\"https://hooks.example.com/cdp\","
                + "\"webhookSecret\":\"s3cret-s3cret-s3cret\",\"costPerMessage\":0.05,\"persistentHoldoutShare\":0.05}";
        api.put(base() + "/campaign-settings", operator, settings).problem(403, "access-refused");

        Answer written = api.put(base() + "/campaign-settings", admin, settings);

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        JsonNode read = api.get(base() + "/campaign-settings", analyst).json();
        assertThat(read.get("webhookSecretSet").asBoolean()).isTrue();
        assertThat(read.has("webhookSecret")).isFalse();
        assertThat(read.toString()).doesNotContain("s3cret");
        assertThat(read.at("/quietHours/start").asString()).isEqualTo("22:00:00");
        assertThat(read.get("frequencyCap").asInt()).isEqualTo(2);
        JsonNode invalid = api.put(base() + "/campaign-settings", admin,
                settings.replace("https://hooks.example.com/cdp", "ftp://nowhere")).problem(400, "invalid-input");
        assertThat(invalid.at("/errors/0/field").asString()).isEqualTo("webhookUrl");
        // URLs the webhook could never post to, and quiet hours equal once stored to the second
        api.put(base() + "/campaign-settings", admin, settings.replace("https://hooks.example.com/cdp", "http://a^b"))
                .problem(400, "invalid-input");
        api.put(base() + "/campaign-settings", admin,
                settings.replace("https://hooks.example.com/cdp", "http://hooks.example.com:99999/cdp"))
                .problem(400, "invalid-input");
        api.put(base() + "/campaign-settings", admin, settings.replace("\"22:00\",\"end\":\"08:00\"",
                "\"22:00:00.1\",\"end\":\"22:00:00.9\"")).problem(400, "invalid-input");
    }

    private String campaign(String template) {
        return "{\"name\":\"Autumn\",\"audience\":{\"memberIds\":" + members + "},\"channel\":\"SMS\",\"template\":\""
                + template + "\",\"holdoutShare\":0,\"attributionDays\":7}";
    }

    private static String receipt(String key) {
        return "{\"idempotencyKey\":\"" + key + "\",\"status\":\"DELIVERED\"}";
    }

    private String base() {
        return "/api/v1/brands/" + brand;
    }
}
