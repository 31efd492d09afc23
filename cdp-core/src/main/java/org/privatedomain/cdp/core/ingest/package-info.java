/**
 * Bulk ingestion: NDJSON (and CSV for orders) bodies streamed in batches through the same set-based writes as
 * single records, idempotent per event and order id, with progress and every rejected line kept per load, and
 * imports spooled to disk that load in the background and resume after a restart.
 */
@NamedInterface("ingest")
package org.privatedomain.cdp.core.ingest;

import org.springframework.modulith.NamedInterface;
