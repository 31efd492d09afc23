package org.privatedomain.cdp.core.ingest;

/**
 * Where a load is. {@code RECEIVING} (an import's body is being spooled), {@code QUEUED}, {@code RUNNING}, then
 * {@code COMPLETED}; {@code INTERRUPTED} when the body stopped arriving or the service stopped and the load
 * cannot go on by itself (resend the body: lines already recorded count as duplicates); {@code FAILED} when the
 * body as a whole is unusable (such as a CSV header without a required column).
 */
public enum ImportState {
    RECEIVING,
    QUEUED,
    RUNNING,
    COMPLETED,
    INTERRUPTED,
    FAILED
}
