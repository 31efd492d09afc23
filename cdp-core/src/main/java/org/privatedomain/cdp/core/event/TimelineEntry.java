package org.privatedomain.cdp.core.event;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a person's timeline: an event ({@code kind} EVENT, {@code type} its event type) or an order
 * ({@code kind} ORDER, {@code type} its status, at its paid time). {@code details} holds the rest of what was
 * recorded, such as the field of a CONNECT or the amount and lines of an order.
 */
public record TimelineEntry(String kind, String id, String type, Instant occurredAt, Instant receivedAt,
        Map<String, Object> details) {
}
