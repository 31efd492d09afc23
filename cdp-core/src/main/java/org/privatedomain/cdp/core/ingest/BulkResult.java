package org.privatedomain.cdp.core.ingest;

import java.util.List;

/**
 * The answer to a bulk body: the counts of {@link ImportJobView} and the rejected lines. {@code errors} lists
 * them all when there are at most {@value BulkLoader#ERRORS_IN_ANSWER}, otherwise the first ones, and
 * {@code errorsComplete} is false: the import job {@code importId} keeps every one.
 */
public record BulkResult(
        long importId,
        long lines,
        long accepted,
        long updated,
        long duplicate,
        long rejected,
        List<Rejection> errors,
        boolean errorsComplete) {
}
