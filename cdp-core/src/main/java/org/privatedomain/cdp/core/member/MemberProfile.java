package org.privatedomain.cdp.core.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.validation.PlausibleTime;

/**
 * A profile write: the identities that name the person (all of them belong to one person from now on) and the
 * profile fields to set. Fields left out keep their value; {@code attributes} are merged key by key into the
 * brand-defined attributes, a {@code null} value removing its key.
 */
public record MemberProfile(
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Identity> identities,
        @Size(max = 100) String name,
        Gender gender,
        @Past @PlausibleTime LocalDate birthday,
        @Size(max = 64) String city,
        @Size(max = 64) String province,
        @PastOrPresent @PlausibleTime OffsetDateTime registeredAt,
        @Size(max = 100) Map<@Size(min = 1, max = 64) String, Object> attributes) {
}
