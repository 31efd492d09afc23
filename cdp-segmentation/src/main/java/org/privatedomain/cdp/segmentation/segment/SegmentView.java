package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A saved segment. {@code size} and {@code refreshedAt} are those of its last refresh (null before the first);
 * {@code usesSegments} are the segments its rule uses.
 */
public record SegmentView(long id, String name, String description, JsonNode rule, String refreshSchedule,
        Instant nextRefreshAt, Instant refreshedAt, Long size, List<Long> usesSegments, Instant createdAt,
        Instant updatedAt) {
}
