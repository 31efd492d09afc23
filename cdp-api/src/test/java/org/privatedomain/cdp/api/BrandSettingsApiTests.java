package org.privatedomain.cdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privatedomain.cdp.api.ApiTest.PLATFORM_KEY;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class BrandSettingsApiTests {

    private static final String THRESHOLDS = """
            {"timezone":"Asia/Shanghai","periodType":"WEEK",
             "rfm":{"windowDays":180,"frequencyBasis":"DAYS","scoringMode":"THRESHOLDS",
                    "thresholds":{"recency":[30,60,90,180],"frequency":[1,2,3,5],"monetary":[100,300,800,2000]}},
             "tiers":{"minQualifyingAmount":9.9,"reviewCountsAsPropagation":true},
             "capitalRequiresConsent":false,"weakIdentityTypes":["ANONYMOUS","WECHAT_OPENID"]}""";

    @Autowired
    ApiClient api;
    String brand;

    @BeforeEach
    void newBrand() {
        brand = api.createBrand();
    }

    @Test
    void aNewBrandHasTheDefaultsOfTheFastPlusDefinitions() {
        JsonNode settings = api.get(path(), PLATFORM_KEY).json();

        assertThat(settings.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(settings.get("periodType").asString()).isEqualTo("MONTH");
        assertThat(settings.at("/rfm/windowDays").asInt()).isEqualTo(365);
        assertThat(settings.at("/rfm/frequencyBasis").asString()).isEqualTo("ORDERS");
        assertThat(settings.at("/rfm/scoringMode").asString()).isEqualTo("QUANTILE");
        assertThat(settings.at("/rfm/thresholds").isNull()).isTrue();
        assertThat(settings.at("/tiers/minQualifyingAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(settings.at("/tiers/reviewCountsAsPropagation").asBoolean()).isFalse();
        assertThat(settings.get("capitalRequiresConsent").asBoolean()).isTrue();
        assertThat(settings.get("weakIdentityTypes").toString()).isEqualTo("[\"ANONYMOUS\"]");
    }

    @Test
    void aCompleteDocumentReplacesTheSettings() {
        Answer changed = api.put(path(), PLATFORM_KEY, THRESHOLDS);

        assertThat(changed.status()).isEqualTo(200);
        Answer read = api.get(path(), PLATFORM_KEY);
        JsonNode settings = read.json();
        assertThat(settings).isEqualTo(changed.json());
        assertThat(read.body()).contains("\"minQualifyingAmount\":9.90");
        assertThat(settings.get("periodType").asString()).isEqualTo("WEEK");
        assertThat(settings.at("/rfm/thresholds/monetary/3").decimalValue()).isEqualByComparingTo("2000");
        assertThat(settings.get("capitalRequiresConsent").asBoolean()).isFalse();
        assertThat(settings.get("weakIdentityTypes").toString()).isEqualTo("[\"WECHAT_OPENID\",\"ANONYMOUS\"]");
        assertThat(api.get("/api/v1/brands/" + brand, PLATFORM_KEY).json().get("periodType").asString())
                .isEqualTo("WEEK");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String invalid = """
                {"timezone":"Asia/Atlantis","periodType":"WEEK",
                 "rfm":{"windowDays":0,"frequencyBasis":"DAYS","scoringMode":"THRESHOLDS",
                        "thresholds":{"recency":[30,30,90,180],"frequency":[1,2,3],"monetary":[100,300,800,-1]}},
                 "tiers":{"minQualifyingAmount":0.001,"reviewCountsAsPropagation":true},
                 "capitalRequiresConsent":true,"weakIdentityTypes":["ANONYMOUS"]}""";

        JsonNode problem = api.put(path(), PLATFORM_KEY, invalid).problem(400, "invalid-input");

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(
                "rfm.thresholds.frequency", "rfm.thresholds.monetary", "rfm.thresholds.monetary[3]",
                "rfm.thresholds.recency", "rfm.windowDays", "tiers.minQualifyingAmount", "timezone");
        assertThat(api.get(path(), PLATFORM_KEY).json().get("timezone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void thresholdsBelongToThresholdsModeOnly() {
        String quantileWithThresholds = THRESHOLDS.replace("\"THRESHOLDS\"", "\"QUANTILE\"");
        String thresholdsWithout = """
                {"timezone":"Asia/Shanghai","periodType":"MONTH",
                 "rfm":{"windowDays":365,"frequencyBasis":"ORDERS","scoringMode":"THRESHOLDS"},
                 "tiers":{"minQualifyingAmount":0,"reviewCountsAsPropagation":false},
                 "capitalRequiresConsent":true,"weakIdentityTypes":[]}""";

        for (String body : new String[] {quantileWithThresholds, thresholdsWithout}) {
            JsonNode problem = api.put(path(), PLATFORM_KEY, body).problem(400, "invalid-input");
            assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("rfm.thresholds");
        }
    }

    @Test
    void cutPointsMustBeNumbersTheFiguresCanHave() {
        String fractionalDays = THRESHOLDS.replace("[30,60,90,180]", "[30.5,60,90,180]");
        String hugeMoney = THRESHOLDS.replace("[100,300,800,2000]", "[100,300,800,1e1000]");
        String legacyZone = THRESHOLDS.replace("Asia/Shanghai", "SystemV/EST5");

        assertThat(api.put(path(), PLATFORM_KEY, fractionalDays).problem(400, "invalid-input")
                .at("/errors/0/field").asString()).isEqualTo("rfm.thresholds.recency[0]");
        assertThat(api.put(path(), PLATFORM_KEY, hugeMoney).problem(400, "invalid-input")
                .at("/errors/0/field").asString()).isEqualTo("rfm.thresholds.monetary[3]");
        api.put(path(), PLATFORM_KEY, THRESHOLDS.replace("[100,300,800,2000]", "[100,300,800,1e131073]"))
                .problem(400, "invalid-input");
        api.put(path(), PLATFORM_KEY, legacyZone).problem(400, "invalid-input");
    }

    @Test
    void anIncompleteDocumentIsRefused() {
        JsonNode problem = api.put(path(), PLATFORM_KEY, "{\"timezone\":\"Asia/Shanghai\"}")
                .problem(400, "invalid-input");

        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("capitalRequiresConsent", "periodType", "rfm", "tiers", "weakIdentityTypes");
    }

    @Test
    void aMisspelledFieldIsRefusedRatherThanIgnored() {
        String typo = THRESHOLDS.replace("reviewCountsAsPropagation", "reviewCountAsPropagation");

        JsonNode problem = api.put(path(), PLATFORM_KEY, typo).problem(400, "malformed-body");

        assertThat(problem.get("errors").get(0).get("field").asString())
                .isEqualTo("tiers.reviewCountAsPropagation");
        assertThat(problem.get("detail").asString()).contains("not a known field");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        JsonNode problem = api.put(path(), PLATFORM_KEY, THRESHOLDS.replace("180,\"frequencyBasis\"",
                "\"half a year\",\"frequencyBasis\"")).problem(400, "malformed-body");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("rfm.windowDays");
        api.put(path(), PLATFORM_KEY, THRESHOLDS.replace("\"WEEK\"", "\"DAY\""))
                .problem(400, "malformed-body");
    }

    @Test
    void settingsOfAMissingBrandAreNotFound() {
        api.get("/api/v1/brands/zz-no-such-brand/settings", PLATFORM_KEY).problem(404, "brand-not-found");
        api.put("/api/v1/brands/zz-no-such-brand/settings", PLATFORM_KEY, THRESHOLDS)
                .problem(404, "brand-not-found");
    }

    private String path() {
        return "/api/v1/brands/" + brand + "/settings";
    }
}
