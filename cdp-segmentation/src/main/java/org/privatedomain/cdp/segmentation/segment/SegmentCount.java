package org.privatedomain.cdp.segmentation.segment;

/** How many live members a rule selects now. */
public record SegmentCount(long count) {
}
