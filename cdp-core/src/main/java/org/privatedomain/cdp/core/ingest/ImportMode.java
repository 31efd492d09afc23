package org.privatedomain.cdp.core.ingest;

/** Where a load's body comes from: the request being answered, or a file spooled for a background import. */
enum ImportMode {
    REQUEST,
    IMPORT
}
