package org.privatedomain.cdp.metrics.fastplus;

import java.util.List;

/** Member ids in ascending order; {@code nextAfter} continues, null on the last page. */
public record PersonPage(List<Long> memberIds, Long nextAfter) {
}
