package org.privatedomain.cdp.api.web;

import java.net.URI;

/** Every problem has a stable type URI, {@code urn:cdp:problem:<slug>}, that clients can switch on. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:cdp:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
