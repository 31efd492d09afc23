package org.privatedomain.cdp.core.order;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** One order line. */
public record OrderItem(
        @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,64}") String sku,
        @NotNull @Min(1) @Max(100_000) Integer quantity,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal price) {
}
