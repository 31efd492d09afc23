package org.privatedomain.cdp.core.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.validation.PlausibleTime;

/**
 * One order as the API contract names it. Money has at most two decimals. {@code refundedAmount} is 0 for
 * {@code PAID}, the whole amount for {@code REFUNDED} (assumed when left out), and between the two for
 * {@code PARTIALLY_REFUNDED}.
 */
public record NewOrder(
        @NotNull @Pattern(regexp = NewEvent.ID_PATTERN) String orderId,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Identity> identities,
        @NotNull @PlausibleTime OffsetDateTime paidAt,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull OrderStatus status,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal refundedAmount,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String channel,
        @Valid Referral referral,
        @Size(max = 500) List<@NotNull @Valid OrderItem> items) {
}
