package org.privatedomain.cdp.core.event;

import java.time.Instant;
import java.util.Map;

/** One event in a person's timeline. */
public record TimelineEntry(String eventId, String type, Instant occurredAt, Instant receivedAt, Field field,
        String shareId, String orderId, Integer rating, ConsentPurpose purpose, ConsentChannel channel,
        Boolean granted, Map<String, Object> properties) {
}
