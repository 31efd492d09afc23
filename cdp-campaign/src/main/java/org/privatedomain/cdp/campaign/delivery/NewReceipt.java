package org.privatedomain.cdp.campaign.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.privatedomain.cdp.core.validation.PlausibleTime;

/** A delivery receipt: the message by its idempotency key, what happened, and when (receipt time if left out). */
public record NewReceipt(@NotBlank @Size(max = 240) String idempotencyKey, @NotNull ReceiptStatus status,
        @PlausibleTime OffsetDateTime occurredAt) {
}
