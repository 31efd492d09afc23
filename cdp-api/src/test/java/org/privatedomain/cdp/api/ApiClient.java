package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service as a user would; {@link ApiTest} classes get one injected. Every answer is checked for a 5xx: no request in the test suite
 * may make the server fail.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer get(String path, String key) {
        return send(request(path, key).GET());
    }

    public Answer post(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path, String key) {
        return send(request(path, key).DELETE());
    }

    /** Any request; {@code key} may be null for none. */
    public HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response);
            assertThat(answer.status()).as("server failure on %s: %s", response.request(), answer.body())
                    .isLessThan(500);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a brand with a fresh code through the platform key and returns the code. */
    public String createBrand() {
        String code = "b-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        Answer created = post("/api/v1/brands", ApiTest.PLATFORM_KEY,
                "{\"code\":\"" + code + "\",\"name\":\"Brand " + code + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return code;
    }

    /** Issues a brand key with the role through the platform key and returns the key. */
    public String issueKey(String brand, String role) {
        Answer issued = post("/api/v1/brands/" + brand + "/api-keys", ApiTest.PLATFORM_KEY,
                "{\"role\":\"" + role + "\"}");
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().get("key").asString();
    }

    /** One HTTP answer. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** Asserts an RFC 9457 problem with this status and type slug, and returns its body. */
        public JsonNode problem(int status, String slug) {
            assertThat(status()).as(body()).isEqualTo(status);
            assertThat(contentType()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("type").asString()).isEqualTo("urn:cdp:problem:" + slug);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            return problem;
        }
    }
}
