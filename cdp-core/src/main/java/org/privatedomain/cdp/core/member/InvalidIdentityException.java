package org.privatedomain.cdp.core.member;

import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.identity.Identity;

/** An identity whose value cannot be one of its type, such as a phone number with letters. */
public class InvalidIdentityException extends InvalidInputException {

    public InvalidIdentityException(Identity identity) {
        super("invalid-identity", "Not a valid " + identity.type() + ": '"
                + (identity.type().personal() ? "(hidden)" : identity.value()) + "'.");
    }
}
