package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.api.ApiTest.PLATFORM_KEY;

import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every client mistake gets a 4xx application/problem+json answer with a stable type, never a 500. */
@ApiTest
class ProblemResponsesTests {

    @Autowired
    ApiClient api;

    @Test
    void malformedJsonSaysWhere() {
        JsonNode problem = api.post("/api/v1/brands", PLATFORM_KEY, "{\"code\": \"x\",\n \"name\": }")
                .problem(400, "malformed-body");

        assertThat(problem.get("detail").asString()).contains("not valid JSON").contains("line 2");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/brands");
    }

    @Test
    void aMissingBodyIsMalformed() {
        api.send(api.request("/api/v1/brands", PLATFORM_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())).problem(400, "malformed-body");
    }

    @Test
    void aWrongTypeNamesTheField() {
        JsonNode problem = api.post("/api/v1/brands", PLATFORM_KEY, "{\"code\":[\"x\"],\"name\":\"X\"}")
                .problem(400, "malformed-body");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be a string");
    }

    @Test
    void anUnknownPathIsNotFound() {
        JsonNode problem = api.get("/api/v1/no-such-thing", PLATFORM_KEY).problem(404, "no-such-path");

        assertThat(problem.get("detail").asString()).contains("GET /api/v1/no-such-thing");
    }

    @Test
    void theErrorPageItselfIsJustAnotherUnknownPath() {
        api.get("/error", null).problem(404, "not-found");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        Answer answer = api.delete("/api/v1/brands", PLATFORM_KEY);

        answer.problem(405, "method-not-allowed");
        assertThat(answer.header("Allow").orElse("")).contains("GET", "POST");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        api.send(api.request("/api/v1/brands", PLATFORM_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("code=x"))).problem(415, "unsupported-media-type");
    }

    @Test
    void aYamlBodyIsAnUnsupportedMediaTypeToo() {
        api.send(api.request("/api/v1/brands", PLATFORM_KEY).header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString("code: yaml-brand\nname: Y\nsneaky: true\n")))
                .problem(415, "unsupported-media-type");
        assertThat(api.get("/v3/api-docs.yaml", null).body()).contains("openapi: 3.1");
    }

    @Test
    void anOversizedBodyIsRefusedWhenDeclared() {
        String huge = "{\"code\":\"big\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

        api.post("/api/v1/brands", PLATFORM_KEY, huge).problem(413, "body-too-large");
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileReading() {
        String huge = "{\"code\":\"big\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

        api.send(api.request("/api/v1/brands", PLATFORM_KEY).header("Content-Type", "application/json")
                        .POST(chunked(huge)))
                .problem(413, "body-too-large");
        assertThat(api.get("/api/v1/brands/big", PLATFORM_KEY).status()).isEqualTo(404);
    }

    @Test
    void aBrowserPageFromAnAllowedOriginMayCallTheApi() {
        Answer preflight = api.send(api.request("/api/v1/brands/acme/settings", null)
                .header("Origin", "https://dashboard.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("https://dashboard.example.com");
        assertThat(preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
    }

    @Test
    void aBrowserPageFromAnyOtherOriginMayNot() {
        Answer preflight = api.send(api.request("/api/v1/brands/acme/settings", null)
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    }

    /** A body without Content-Length, sent in chunks, as a streaming client would. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        List<String> parts = List.of(body.substring(0, body.length() / 2), body.substring(body.length() / 2));
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
            Iterator<String> next = parts.iterator();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    for (long i = 0; i < n && next.hasNext(); i++) {
                        subscriber.onNext(java.nio.ByteBuffer.wrap(next.next().getBytes()));
                    }
                    if (!next.hasNext()) {
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                }
            });
        });
    }
}
