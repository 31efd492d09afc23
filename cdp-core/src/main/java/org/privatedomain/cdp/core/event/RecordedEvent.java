package org.privatedomain.cdp.core.event;

/** The outcome of one event: the member it was resolved to, or that its id was seen before (and nothing changed). */
public record RecordedEvent(String eventId, long memberId, boolean duplicate) {
}
