package org.privatedomain.cdp.core.ingest;

import java.util.List;

/** Rejected lines by ascending line number; {@code nextAfter} continues the list, null at its end. */
public record RejectionPage(List<Rejection> rejections, Long nextAfter) {
}
