package org.privatedomain.cdp.core.order;

import org.privatedomain.cdp.core.error.InvalidInputException;

/** An order whose figures do not add up, such as a refund above the amount. */
public class InvalidOrderException extends InvalidInputException {

    public InvalidOrderException(String detail) {
        super("invalid-order", detail);
    }
}
