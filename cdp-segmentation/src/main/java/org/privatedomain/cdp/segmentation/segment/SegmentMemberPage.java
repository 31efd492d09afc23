package org.privatedomain.cdp.segmentation.segment;

import java.util.List;

/** A page of a segment's members by ascending id; {@code nextAfter} is the {@code after} of the next page. */
public record SegmentMemberPage(List<SegmentMember> items, Long nextAfter) {
}
