package org.privatedomain.cdp.core.brand;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Tier rules of fast-plus.md.
 *
 * @param minQualifyingAmount       a purchase qualifies only when its net amount is above this (CNY)
 * @param reviewCountsAsPropagation whether a positive review of a bought item counts as a propagation
 */
public record TierSettings(
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal minQualifyingAmount,
        @NotNull Boolean reviewCountsAsPropagation) {

    public static final TierSettings DEFAULTS = new TierSettings(new BigDecimal("0.00"), false);
}
