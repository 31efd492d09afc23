package org.privatedomain.cdp.core.member;

import java.time.Instant;
import java.util.List;

/** Everything held about a person (PIPL right of access), personal data in full. */
public record MemberExport(Instant exportedAt, MemberView member, List<MergeView> merges) {
}
