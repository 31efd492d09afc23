package org.privatedomain.cdp.core.brand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Set;
import org.privatedomain.cdp.core.identity.IdentityType;

/**
 * Everything about a brand that changes how its figures are computed (fast-plus.md). A settings document is
 * always complete: {@code PUT} replaces it whole, so read it, change what you need, and send it back.
 *
 * @param capitalRequiresConsent whether Capital leaves out persons who revoked marketing consent on every channel
 * @param weakIdentityTypes      identity types that attach to a person but never merge two known persons
 */
public record BrandSettings(
        @NotNull @TimeZoneId String timezone,
        @NotNull PeriodType periodType,
        @NotNull @Valid RfmSettings rfm,
        @NotNull @Valid TierSettings tiers,
        @NotNull Boolean capitalRequiresConsent,
        @NotNull Set<@NotNull IdentityType> weakIdentityTypes) {

    public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";

    /** The defaults of fast-plus.md for a brand in the given timezone and period type. */
    public static BrandSettings defaults(String timezone, PeriodType periodType) {
        return new BrandSettings(timezone, periodType, RfmSettings.DEFAULTS, TierSettings.DEFAULTS, true,
                EnumSet.of(IdentityType.ANONYMOUS));
    }
}
