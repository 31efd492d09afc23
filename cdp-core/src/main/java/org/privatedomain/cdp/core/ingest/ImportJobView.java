package org.privatedomain.cdp.core.ingest;

import java.time.Instant;

/**
 * A load and its progress. {@code linesRead} counts every line dealt with and committed (recorded, duplicate or
 * rejected); {@code accepted} the new records, {@code updated} the orders a line changed, {@code duplicate} the
 * lines that changed nothing; {@code bytesRead} of {@code bytesTotal} (when known) and {@code linesPerSecond}
 * since the load started tell how far it is.
 */
public record ImportJobView(
        long id,
        IngestKind kind,
        BodyFormat format,
        ImportState state,
        long linesRead,
        long accepted,
        long updated,
        long duplicate,
        long rejected,
        long bytesRead,
        Long bytesTotal,
        Double linesPerSecond,
        String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {
}
