package org.privatedomain.cdp.core.member;

import java.time.Instant;

/**
 * Published inside the erasing transaction: features that keep personal data per member delete it, and
 * anything that was ongoing for the person ends at {@code erasedAt}.
 */
public record MemberErased(long brandId, long memberId, Instant erasedAt) {
}
