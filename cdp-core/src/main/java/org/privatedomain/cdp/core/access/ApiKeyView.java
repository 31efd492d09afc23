package org.privatedomain.cdp.core.access;

import java.time.Instant;
import java.util.UUID;

/** A brand key as listed: its id and role, never the key. */
public record ApiKeyView(UUID id, BrandRole role, Instant createdAt, Instant revokedAt) {
}
