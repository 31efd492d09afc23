package org.privatedomain.cdp.segmentation.tier;

import java.time.Instant;
import java.util.Map;

/**
 * Persons per tier in a period, and how many of them bought outside membership (a non-member who buys stays
 * BASIC or NONE, flagged {@code purchasingNonMember}).
 */
public record TierDistribution(String period, Instant start, Instant end, Instant computedAt,
        Map<Tier, Long> persons, long purchasingNonMembers) {
}
