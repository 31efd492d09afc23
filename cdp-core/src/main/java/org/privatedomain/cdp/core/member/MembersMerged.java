package org.privatedomain.cdp.core.member;

/**
 * Published inside the merging transaction: features that keep rows per member move them from
 * {@code mergedMemberId} to {@code survivorId} before it commits.
 */
public record MembersMerged(long brandId, long mergedMemberId, long survivorId) {
}
