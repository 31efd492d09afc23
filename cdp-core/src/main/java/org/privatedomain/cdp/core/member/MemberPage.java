package org.privatedomain.cdp.core.member;

import java.util.List;

/** One page of members in id order; pass {@code nextAfter} as {@code after} for the next page (null: the end). */
public record MemberPage(List<MemberView> items, Long nextAfter) {
}
