package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.api.ApiTest.PLATFORM_KEY;

import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What operators and tooling reach without brand data: health probes, metrics, the API description. */
@ApiTest
class OperationsTests {

    @Autowired
    ApiClient api;

    @Test
    void healthAndItsProbesAreUpWithoutAKey() {
        assertThat(api.get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheDatabase() {
        JsonNode readiness = api.get("/actuator/health/readiness", PLATFORM_KEY).json();

        assertThat(readiness.at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedThePlatformKey() {
        api.get("/actuator/prometheus", null).problem(401, "missing-api-key");
        String brandKey = api.issueKey(api.createBrand(), "ADMIN");
        api.get("/actuator/prometheus", brandKey).problem(403, "access-refused");

        Answer metrics = api.get("/actuator/prometheus", PLATFORM_KEY);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theApiIsDescribedInOpenApi31() {
        JsonNode description = api.get("/v3/api-docs", null).json();

        assertThat(description.get("openapi").asString()).startsWith("3.1");
        assertThat(description.get("paths").propertyNames()).contains("/api/v1/brands",
                "/api/v1/brands/{brandCode}/settings", "/api/v1/brands/{brandCode}/api-keys");
        assertThat(description.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        assertThat(description.at("/paths/~1api~1v1~1brands/post/responses").propertyNames()).contains("201");
        assertThat(description.at("/paths/~1api~1v1~1brands~1{brandCode}~1events/post/responses").propertyNames())
                .contains("201", "200");
    }

    @Test
    void swaggerUiIsServed() {
        Answer page = api.get("/swagger-ui/index.html", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
