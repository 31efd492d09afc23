package org.privatedomain.cdp.core.event;

import org.privatedomain.cdp.core.error.InvalidInputException;

/** An event that lacks what its type needs, such as a CONNECT without a field. */
public class InvalidEventException extends InvalidInputException {

    public InvalidEventException(String detail) {
        super("invalid-event", detail);
    }
}
