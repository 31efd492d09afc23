package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class BulkApiTests {

    @Autowired
    ApiClient api;

    String brand;
    String operator;

    @BeforeEach
    void newBrand() {
        brand = api.createBrand();
        operator = api.issueKey(brand, "OPERATOR");
    }

    @Test
    void eventsInBulkAnswerCountsAndEveryRejectedLineAndTheLoadKeepsThem() {
        String body = event("e1", "u1") + "\n" + event("e1", "u1") + "\n{\"eventId\":\"e2\"}\n" + event("e3", "u3");

        ApiClient.Answer answer = post("/events:bulk", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.get("lines").asLong()).isEqualTo(4);
        assertThat(result.get("accepted").asLong()).isEqualTo(2);
        assertThat(result.get("duplicate").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").asLong()).isEqualTo(1);
        assertThat(result.get("errorsComplete").asBoolean()).isTrue();
        assertThat(result.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(result.get("errors").get(0).get("reason").asString())
                .isEqualTo("identities: must not be empty; occurredAt: must not be null; type: must not be null");
        String load = "/api/v1/brands/" + brand + "/imports/" + result.get("importId").asLong();
        JsonNode job = api.get(load, operator).json();
        assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("kind").asString()).isEqualTo("EVENTS");
        assertThat(api.get(load + "/rejections?limit=10", operator).json().get("rejections").get(0).get("line")
                .asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/brands/" + brand + "/members?identity=WECHAT_UNIONID:u3", operator).status())
                .isEqualTo(200);
    }

    @Test
    void aBulkBodyMayBeFarLargerThanASingleRecordBody() {
        String body = IntStream.range(0, 15_000).mapToObj(i -> event("big" + i, "u" + (i % 900)))
                .collect(Collectors.joining("\n"));
        assertThat(body.length()).isGreaterThan(2_000_000);

        ApiClient.Answer answer = post("/events:bulk", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).isEqualTo(15_000);
        api.send(api.request("/api/v1/brands/" + brand + "/events", operator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "y".repeat(2_000_000) + "\"}")))
                .problem(413, "body-too-large");
    }

    @Test
    void ordersComeAsNdjsonOrCsvAndGzipped() throws IOException {
        String csv = "orderId,identities,paidAt,amount,status,refundedAmount\n"
                + "c1,TMALL_OUID:t1,2026-11-11T00:01:00+08:00,399.00,PARTIALLY_REFUNDED,100.00\n";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        ApiClient.Answer answer = api.send(api.request("/api/v1/brands/" + brand + "/orders:bulk", operator)
                .header("Content-Type", "text/csv; charset=utf-8").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        ApiClient.Answer again = post("/orders:bulk", "application/jsonl", ("{\"orderId\":\"c1\",\"identities\":"
                + "[{\"type\":\"TMALL_OUID\",\"value\":\"t1\"}],\"paidAt\":\"2026-11-11T00:01:00+08:00\","
                + "\"amount\":\"399.00\",\"status\":\"REFUNDED\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("updated").asLong()).isEqualTo(1);
    }

    @Test
    void bodiesThatCannotBeLoadedAtAllAreClearProblems() {
        post("/orders:bulk", "text/csv", "orderId,amount\no1,1.00".getBytes(StandardCharsets.UTF_8))
                .problem(400, "invalid-csv-header");
        post("/events:bulk", "text/csv", "eventId\ne1".getBytes(StandardCharsets.UTF_8))
                .problem(415, "unsupported-media-type");
        post("/events:bulk", "application/json", event("e1", "u1").getBytes(StandardCharsets.UTF_8))
                .problem(415, "unsupported-media-type");
        api.send(api.request("/api/v1/brands/" + brand + "/orders:bulk", operator)
                        .header("Content-Type", "application/x-ndjson").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString("not gzip at all")))
                .problem(400, "malformed-body");
    }

    @Test
    void onlyWritersLoadAndLoadsStayWithTheirBrand() {
        String analyst = api.issueKey(brand, "ANALYST");
        api.send(api.request("/api/v1/brands/" + brand + "/events:bulk", analyst)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(event("e1", "u1"))))
                .problem(403, "access-refused");
        long load = post("/events:bulk", "application/x-ndjson", event("e1", "u1").getBytes(StandardCharsets.UTF_8))
                .json().get("importId").asLong();
        String other = api.createBrand();
        String otherKey = api.issueKey(other, "OPERATOR");

        api.get("/api/v1/brands/" + other + "/imports/" + load, otherKey).problem(404, "import-not-found");
        api.get("/api/v1/brands/" + brand + "/imports/" + load, otherKey).problem(404, "brand-not-found");
        assertThat(api.get("/api/v1/brands/" + brand + "/imports/" + load, analyst).status()).isEqualTo(200);
    }

    @Test
    void anImportIsAcceptedAtOnceAndReportsItsProgressUntilDone() {
        String body = IntStream.range(0, 500)
                .mapToObj(i -> "{\"orderId\":\"i" + i + "\",\"identities\":[{\"type\":\"MEMBER_NO\",\"value\":\"m"
                        + (i % 50) + "\"}],\"paidAt\":\"2026-06-18T10:00:00+08:00\",\"amount\":19.90,"
                        + "\"status\":\"PAID\"}")
                .collect(Collectors.joining("\n"));

        ApiClient.Answer accepted = post("/orders:import", "application/x-ndjson",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/brands/" + brand + "/imports/" + accepted.json().get("id").asLong());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(location, operator).json().get("state").asString().equals("COMPLETED"));
        JsonNode done = api.get(location, operator).json();
        assertThat(done.get("linesRead").asLong()).isEqualTo(500);
        assertThat(done.get("accepted").asLong()).isEqualTo(500);
        assertThat(done.get("bytesRead").asLong()).isEqualTo(done.get("bytesTotal").asLong());
        assertThat(done.get("linesPerSecond").isNumber() || done.get("linesPerSecond").isNull()).isTrue();
    }

    private ApiClient.Answer post(String path, String contentType, byte[] body) {
        // Rejection reasons follow the caller's language, Chinese by default since names follow Accept-Language.
        return api.send(api.request("/api/v1/brands/" + brand + path, operator)
                .header("Content-Type", contentType).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String event(String id, String unionid) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"CONNECT\",\"occurredAt\":\"2026-11-01T10:00:00+08:00\","
                + "\"field\":\"GROUP_CHAT\",\"identities\":[{\"type\":\"WECHAT_UNIONID\",\"value\":\"" + unionid
                + "\"}]}";
    }
}
