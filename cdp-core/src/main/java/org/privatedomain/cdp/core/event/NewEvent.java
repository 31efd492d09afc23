package org.privatedomain.cdp.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.validation.PlausibleTime;

/**
 * One event as the API contract names it. Which optional fields a type needs: {@code field} for CONNECT,
 * DISCONNECT and VISIT; {@code shareId} for SHARE; {@code orderId} and {@code rating} for REVIEW;
 * {@code purpose}, {@code channel} and {@code granted} for CONSENT.
 */
public record NewEvent(
        @NotNull @Pattern(regexp = ID_PATTERN) String eventId,
        @NotNull @Pattern(regexp = TYPE_PATTERN) String type,
        @NotNull @PlausibleTime OffsetDateTime occurredAt,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Identity> identities,
        Field field,
        @Pattern(regexp = ID_PATTERN) String shareId,
        @Pattern(regexp = ID_PATTERN) String orderId,
        @Min(1) @Max(5) Integer rating,
        ConsentPurpose purpose,
        ConsentChannel channel,
        Boolean granted,
        @Size(max = 100) Map<@Size(min = 1, max = 64) String, Object> properties) {

    /** Ids of events, orders and shares: 1 to 128 printable characters without spaces. */
    public static final String ID_PATTERN = "[\\x21-\\x7E]{1,128}";

    /** Upper-case words joined by '_', 2 to 64 characters. */
    public static final String TYPE_PATTERN = "[A-Z][A-Z0-9_]{1,63}";
}
