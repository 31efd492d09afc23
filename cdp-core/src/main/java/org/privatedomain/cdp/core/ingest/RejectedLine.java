package org.privatedomain.cdp.core.ingest;

/** A line that cannot become a record, and why. Thrown per bad line, so it carries no stack trace. */
final class RejectedLine extends Exception {

    RejectedLine(String reason) {
        super(reason, null, false, false);
    }
}
