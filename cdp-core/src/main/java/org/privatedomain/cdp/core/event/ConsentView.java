package org.privatedomain.cdp.core.event;

import java.time.Instant;

/** A consent decision: the latest CONSENT event by occurredAt for its purpose and channel wins. */
public record ConsentView(ConsentPurpose purpose, ConsentChannel channel, boolean granted, Instant since,
        String eventId) {
}
