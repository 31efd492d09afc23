package org.privatedomain.cdp.core.brand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A brand to create. {@code code} appears in every URL of the brand and never changes. Timezone and period
 * type default to {@code Asia/Shanghai} and {@code MONTH}.
 */
public record NewBrand(
        @NotNull @Pattern(regexp = CODE_PATTERN, message = "must be 2-32 characters: lower-case letters, digits and '-', starting with a letter or digit")
        String code,
        @NotBlank @Size(max = 200) String name,
        @TimeZoneId String timezone,
        PeriodType periodType) {

    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{1,31}";

    public NewBrand {
        timezone = timezone == null ? BrandSettings.DEFAULT_TIMEZONE : timezone;
        periodType = periodType == null ? PeriodType.MONTH : periodType;
    }
}
