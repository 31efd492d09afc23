package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.api.ApiTest.PLATFORM_KEY;

import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class BrandsAndKeysTests {

    @Autowired
    ApiClient api;

    @Test
    void thePlatformKeyCreatesABrandWithDefaults() {
        Answer created = api.post("/api/v1/brands", PLATFORM_KEY,
                "{\"code\":\"acme-coffee\",\"name\":\"Acme 咖啡\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/brands/acme-coffee");
        JsonNode brand = created.json();
        assertThat(brand.get("code").asString()).isEqualTo("acme-coffee");
        assertThat(brand.get("name").asString()).isEqualTo("Acme 咖啡");
        assertThat(brand.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(brand.get("periodType").asString()).isEqualTo("MONTH");
        assertThat(api.get("/api/v1/brands", PLATFORM_KEY).json().findValuesAsString("code"))
                .contains("acme-coffee");
    }

    @Test
    void aTakenCodeIsAConflict() {
        String brand = api.createBrand();

        api.post("/api/v1/brands", PLATFORM_KEY, "{\"code\":\"" + brand + "\",\"name\":\"Again\"}")
                .problem(409, "brand-code-taken");
    }

    @Test
    void anInvalidBrandNamesEveryFaultyField() {
        JsonNode problem = api.post("/api/v1/brands", PLATFORM_KEY,
                        "{\"code\":\"Bad Code\",\"name\":\" \",\"timezone\":\"+08:00\"}")
                .problem(400, "invalid-input");

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("code", "name", "timezone");
    }

    @Test
    void anIssuedKeyIsShownOnceAndListedWithoutItsSecret() {
        String brand = api.createBrand();

        Answer issued = api.post("/api/v1/brands/" + brand + "/api-keys", PLATFORM_KEY, "{\"role\":\"OPERATOR\"}");

        assertThat(issued.status()).isEqualTo(201);
        JsonNode key = issued.json();
        assertThat(key.propertyNames()).containsExactlyInAnyOrder("id", "key", "role");
        assertThat(key.get("role").asString()).isEqualTo("OPERATOR");
        assertThat(key.get("key").asString()).startsWith("cdp_");
        assertThat(issued.header("Cache-Control").orElse("")).contains("no-store");
        String listed = api.get("/api/v1/brands/" + brand + "/api-keys", PLATFORM_KEY).body();
        assertThat(listed).contains(key.get("id").asString()).doesNotContain(key.get("key").asString());
    }

    @Test
    void aBrandKeyReadsItsOwnBrandsSettings() {
        String brand = api.createBrand();
        String key = api.issueKey(brand, "ANALYST");

        Answer settings = api.get("/api/v1/brands/" + brand + "/settings", key);

        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("timezone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aBrandKeyOnAnotherBrandGetsExactlyTheAnswerForABrandThatDoesNotExist() {
        String own = api.createBrand();
        String other = api.createBrand();
        String key = api.issueKey(own, "ADMIN");

        Answer existing = api.get("/api/v1/brands/" + other + "/settings", key);
        Answer missing = api.get("/api/v1/brands/zz-no-such-brand/settings", key);

        existing.problem(404, "brand-not-found");
        missing.problem(404, "brand-not-found");
        assertThat(existing.body().replace(other, "zz-no-such-brand")).isEqualTo(missing.body());
        assertThat(api.put("/api/v1/brands/" + other + "/settings", key, "{}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/brands/" + other + "/api-keys", key, "{\"role\":\"ADMIN\"}").status())
                .isEqualTo(404);
    }

    @Test
    void anAnalystCannotWrite() {
        String brand = api.createBrand();
        String analyst = api.issueKey(brand, "ANALYST");
        String settings = api.get("/api/v1/brands/" + brand + "/settings", analyst).body();

        JsonNode refused = api.put("/api/v1/brands/" + brand + "/settings", analyst, settings)
                .problem(403, "access-refused");

        assertThat(refused.get("detail").asString()).contains("ADMIN").contains("ANALYST");
        api.post("/api/v1/brands/" + brand + "/api-keys", analyst, "{\"role\":\"ADMIN\"}")
                .problem(403, "access-refused");
    }

    @Test
    void onlyAdminKeysChangeSettingsAndManageKeys() {
        String brand = api.createBrand();
        String operator = api.issueKey(brand, "OPERATOR");
        String admin = api.issueKey(brand, "ADMIN");
        String settings = api.get("/api/v1/brands/" + brand + "/settings", admin).body();

        api.put("/api/v1/brands/" + brand + "/settings", operator, settings).problem(403, "access-refused");
        api.get("/api/v1/brands/" + brand + "/api-keys", operator).problem(403, "access-refused");

        assertThat(api.put("/api/v1/brands/" + brand + "/settings", admin, settings).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/brands/" + brand + "/api-keys", admin, "{\"role\":\"ANALYST\"}").status())
                .isEqualTo(201);
    }

    @Test
    void brandKeysCannotManageBrands() {
        String brand = api.createBrand();
        String admin = api.issueKey(brand, "ADMIN");

        api.post("/api/v1/brands", admin, "{\"code\":\"sneaky\",\"name\":\"Sneaky\"}").problem(403, "access-refused");
        api.get("/api/v1/brands", admin).problem(403, "access-refused");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String brand = api.createBrand();
        Answer issued = api.post("/api/v1/brands/" + brand + "/api-keys", PLATFORM_KEY, "{\"role\":\"ADMIN\"}");
        String key = issued.json().get("key").asString();
        String id = issued.json().get("id").asString();

        Answer revoked = api.delete("/api/v1/brands/" + brand + "/api-keys/" + id, PLATFORM_KEY);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        api.get("/api/v1/brands/" + brand + "/settings", key).problem(401, "invalid-api-key");
    }

    @Test
    void revokingAnUnknownOrMalformedKeyIdIsAClientError() {
        String brand = api.createBrand();

        api.delete("/api/v1/brands/" + brand + "/api-keys/00000000-0000-0000-0000-000000000000", PLATFORM_KEY)
                .problem(404, "api-key-not-found");
        api.delete("/api/v1/brands/" + brand + "/api-keys/not-a-uuid", PLATFORM_KEY)
                .problem(400, "invalid-parameter");
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheChoices() {
        String brand = api.createBrand();

        JsonNode problem = api.post("/api/v1/brands/" + brand + "/api-keys", PLATFORM_KEY, "{\"role\":\"ROOT\"}")
                .problem(400, "malformed-body");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(problem.get("detail").asString()).contains("ADMIN", "OPERATOR", "ANALYST");
        api.post("/api/v1/brands/" + brand + "/api-keys", PLATFORM_KEY, "{}").problem(400, "invalid-input");
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        Answer none = api.get("/api/v1/brands", null);
        none.problem(401, "missing-api-key");
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");

        api.get("/api/v1/brands", "not-a-key").problem(401, "invalid-api-key");
        api.send(api.request("/api/v1/brands", null).header("Authorization", "Basic dXNlcjpwYXNz").GET())
                .problem(401, "invalid-api-key");
        api.get("/api/v1/no-such-path", null).problem(401, "missing-api-key");
    }
}
