package org.privatedomain.cdp.segmentation.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's RFM values and, when the person has a qualifying order in the window, scores and segment, by the
 * scale of the brand's latest run (as of {@code asOf}, computed at {@code computedAt}).
 */
public record MemberRfm(LocalDate asOf, Instant computedAt, Long recencyDays, long frequency, BigDecimal monetary,
        Integer recencyScore, Integer frequencyScore, Integer monetaryScore, RfmSegment segment) {
}
