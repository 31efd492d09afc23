package org.privatedomain.cdp.segmentation.crowd;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The crowd matrix of a period: the non-empty cells. The value band comes from the RFM run as of {@code rfmAsOf}
 * (the period's last day, or today for the current period); the propagation band splits at {@code
 * propagationMedian}, the median propagation GMV of the persons with any (null when nobody propagated).
 */
public record CrowdMatrix(String period, Instant start, Instant end, LocalDate rfmAsOf, BigDecimal propagationMedian,
        Instant computedAt, List<CrowdCell> cells) {
}
