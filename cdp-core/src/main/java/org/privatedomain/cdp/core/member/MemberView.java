package org.privatedomain.cdp.core.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A member's profile as callers see it. */
public record MemberView(
        long id,
        List<IdentityView> identities,
        String name,
        Gender gender,
        LocalDate birthday,
        String city,
        String province,
        OffsetDateTime registeredAt,
        Map<String, Object> attributes,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {
}
