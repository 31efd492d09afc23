package org.privatedomain.cdp.core.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.error.ConflictException;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(TestDatabase.class)
class BrandServiceTests {

    @Autowired
    BrandService brands;

    @Test
    void aNewBrandStartsWithTheDefaultsOfTheFastPlusDefinitions() {
        String code = newCode();

        BrandView created = brands.create(new NewBrand(code, "Acme 咖啡", null, null));

        assertThat(created.timezone()).isEqualTo("Asia/Shanghai");
        assertThat(created.periodType()).isEqualTo(PeriodType.MONTH);
        assertThat(brands.settings(code)).isEqualTo(new BrandSettings("Asia/Shanghai", PeriodType.MONTH,
                new RfmSettings(365, FrequencyBasis.ORDERS, RfmScoringMode.QUANTILE, null),
                new TierSettings(new BigDecimal("0.00"), false), true, Set.of(IdentityType.ANONYMOUS)));
    }

    @Test
    void aTakenCodeIsAConflict() {
        String code = newCode();
        brands.create(new NewBrand(code, "First", null, null));

        assertThatThrownBy(() -> brands.create(new NewBrand(code, "Second", null, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(code);
    }

    @Test
    void settingsAreStoredWholeAndReadBackEqual() {
        String code = newCode();
        brands.create(new NewBrand(code, "Acme", "Europe/Berlin", PeriodType.WEEK));
        BrandSettings wanted = new BrandSettings("Asia/Hong_Kong", PeriodType.QUARTER,
                new RfmSettings(180, FrequencyBasis.DAYS, RfmScoringMode.THRESHOLDS, new RfmThresholds(
                        decimals("7", "30", "90", "180"), decimals("1", "2", "4", "8"),
                        decimals("99.90", "300", "1000", "5000"))),
                new TierSettings(new BigDecimal("9.90"), true), false,
                Set.of(IdentityType.ANONYMOUS, IdentityType.WECHAT_OPENID));

        brands.changeSettings(code, wanted);

        assertThat(brands.settings(code)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(wanted);
        assertThat(brands.get(code).timezone()).isEqualTo("Asia/Hong_Kong");
    }

    @Test
    void amountsAreKeptWithTwoDecimals() {
        String code = newCode();
        brands.create(new NewBrand(code, "Acme", null, null));
        BrandSettings defaults = brands.settings(code);

        brands.changeSettings(code, new BrandSettings(defaults.timezone(), defaults.periodType(), defaults.rfm(),
                new TierSettings(new BigDecimal("9.9"), false), true, defaults.weakIdentityTypes()));

        assertThat(brands.settings(code).tiers().minQualifyingAmount()).isEqualByComparingTo("9.90")
                .hasToString("9.90");
    }

    @Test
    void invalidSettingsAreRefusedNamingEachField() {
        String code = newCode();
        brands.create(new NewBrand(code, "Acme", null, null));
        BrandSettings invalid = new BrandSettings("UTC+8", null,
                new RfmSettings(0, FrequencyBasis.ORDERS, RfmScoringMode.THRESHOLDS, null),
                new TierSettings(new BigDecimal("-1.001"), null), true, null);

        assertThatThrownBy(() -> brands.changeSettings(code, invalid))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(
                        e.getConstraintViolations().stream().map(v -> v.getPropertyPath().toString()
                                .replaceFirst("^changeSettings\\.settings\\.", "")).sorted().toList())
                        .containsExactly("periodType", "rfm.thresholds", "rfm.windowDays",
                                "tiers.minQualifyingAmount", "tiers.minQualifyingAmount",
                                "tiers.reviewCountsAsPropagation", "timezone", "weakIdentityTypes"));
        assertThat(brands.settings(code).rfm().windowDays()).isEqualTo(365);
    }

    @Test
    void thresholdsMustBeFourStrictlyAscendingCutPointsAndOnlyInThresholdsMode() {
        RfmThresholds unordered = new RfmThresholds(decimals("1", "2", "2", "3"), decimals("1", "2", "3"),
                decimals("1", "2", "3", "4"));
        assertThat(messages(new RfmSettings(365, FrequencyBasis.ORDERS, RfmScoringMode.THRESHOLDS, unordered)))
                .containsExactlyInAnyOrder("recency: cut points must be strictly ascending",
                        "frequency: size must be between 4 and 4");
        assertThat(messages(new RfmSettings(365, FrequencyBasis.ORDERS, RfmScoringMode.QUANTILE,
                new RfmThresholds(decimals("1", "2", "3", "4"), decimals("1", "2", "3", "4"),
                        decimals("1", "2", "3", "4")))))
                .containsExactly("rfm.thresholds: required when scoringMode is THRESHOLDS, and must be absent otherwise");
    }

    private List<String> messages(RfmSettings rfm) {
        String code = newCode();
        brands.create(new NewBrand(code, "Acme", null, null));
        BrandSettings settings = new BrandSettings("Asia/Shanghai", PeriodType.MONTH, rfm, TierSettings.DEFAULTS, true,
                Set.of(IdentityType.ANONYMOUS));
        try {
            brands.changeSettings(code, settings);
            return List.of();
        } catch (ConstraintViolationException e) {
            return e.getConstraintViolations().stream().map(BrandServiceTests::describe).toList();
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceFirst("^changeSettings\\.settings\\.", "");
        return path.replaceFirst("^rfm\\.thresholds\\.(recency|frequency|monetary)$", "$1") + ": "
                + violation.getMessage();
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static String newCode() {
        return "b" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
    }
}
