package org.privatedomain.cdp.core.ingest;

/** What a body's lines are. */
public enum IngestKind {
    EVENTS,
    ORDERS
}
