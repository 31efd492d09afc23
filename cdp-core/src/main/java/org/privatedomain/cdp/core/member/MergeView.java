package org.privatedomain.cdp.core.member;

import java.time.Instant;

/** One merge: {@code mergedMemberId} went into {@code survivorId} because of {@code cause}. */
public record MergeView(long mergedMemberId, long survivorId, Instant mergedAt, String cause) {
}
