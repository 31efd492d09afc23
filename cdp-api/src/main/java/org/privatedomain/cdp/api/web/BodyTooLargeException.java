package org.privatedomain.cdp.api.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out longer than allowed (a chunked body has no length). */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this endpoint accepts.");
    }
}
