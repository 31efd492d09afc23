package org.privatedomain.cdp.api.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Every problem has a stable type URI, {@code urn:cdp:problem:<slug>}, that clients can switch on. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:cdp:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }

    /** The type of a problem known only by its status: {@code urn:cdp:problem:not-found} for 404. */
    static URI of(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return of(known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-'));
    }
}
