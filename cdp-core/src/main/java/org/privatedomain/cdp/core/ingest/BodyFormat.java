package org.privatedomain.cdp.core.ingest;

/** How a body is written: one JSON object a line, or (orders only) CSV with a header line. */
public enum BodyFormat {
    NDJSON,
    CSV
}
