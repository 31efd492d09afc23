package org.privatedomain.cdp.campaign.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.privatedomain.cdp.core.member.MemberService;

/**
 * Who a one-off campaign is for: exactly one kind, each read by an {@link AudienceSource}: a saved segment
 * (refreshed at launch), an explicit list of member ids, or the members carrying a tag.
 */
public record Audience(
        @Positive Long segmentId,
        @Size(min = 1, max = 10000) List<@NotNull @Positive Long> memberIds,
        @Pattern(regexp = MemberService.TAG_PATTERN) String tag) {

    /** How many kinds are given; exactly one is valid. */
    int kinds() {
        return (segmentId == null ? 0 : 1) + (memberIds == null ? 0 : 1) + (tag == null ? 0 : 1);
    }
}
