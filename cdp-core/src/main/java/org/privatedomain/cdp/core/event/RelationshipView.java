package org.privatedomain.cdp.core.event;

import java.time.Instant;

/**
 * One relationship interval {@code [connectedAt, disconnectedAt)}; {@code field} is a {@link Field} code or
 * {@code MEMBERSHIP}; an open interval has no {@code disconnectedAt}.
 */
public record RelationshipView(String field, Instant connectedAt, Instant disconnectedAt) {
}
