package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;

/** A member of a segment and since when (the refresh it entered in). */
public record SegmentMember(long memberId, Instant since) {
}
