package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;

/** One refresh of a segment: its size after it, and how many members entered and left. */
public record SegmentRefresh(Instant refreshedAt, long size, long added, long removed) {
}
