package org.privatedomain.cdp.core.event;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the API contract; any other type matching {@link NewEvent#TYPE_PATTERN} is the brand's own. */
public enum StandardEventType {
    CONNECT,
    DISCONNECT,
    JOIN_MEMBERSHIP,
    LEAVE_MEMBERSHIP,
    VISIT,
    SHARE,
    REVIEW,
    CONSENT;

    static Optional<StandardEventType> of(String type) {
        return Arrays.stream(values()).filter(standard -> standard.name().equals(type)).findFirst();
    }
}
