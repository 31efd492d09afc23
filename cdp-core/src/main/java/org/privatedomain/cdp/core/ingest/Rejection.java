package org.privatedomain.cdp.core.ingest;

/** A line that was not recorded: its number in the body (from 1) and why. */
public record Rejection(long line, String reason) {
}
