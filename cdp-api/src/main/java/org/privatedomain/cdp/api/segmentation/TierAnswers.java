package org.privatedomain.cdp.api.segmentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.privatedomain.cdp.segmentation.tier.MemberTier;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.segmentation.tier.TierDistribution;
import org.privatedomain.cdp.segmentation.tier.TierTransitions;

/** The tier answers of the HTTP API, every code with its name in the caller's language. */
public final class TierAnswers {

    private TierAnswers() {
    }

    /** A tier with its persons. */
    public record TierCount(String code, String name, int rank, long persons) {
    }

    /** {@code GET .../tiers}: persons per tier, lowest first. */
    public record Distribution(String period, Instant start, Instant end, Instant computedAt, long persons,
            List<TierCount> tiers, long purchasingNonMembers) {
    }

    /** {@code GET .../tiers/transitions}: {@code matrix[from][to]} persons, keyed by tier code. */
    public record Transitions(String from, String to, Instant computedAt, Map<String, String> names,
            Map<String, Map<String, Long>> matrix, long upgraded, long downgraded) {
    }

    /** A person's tier in a period. */
    public record PersonTier(String period, String tier, String name, int memberPurchaseDays, int propagations,
            boolean purchasingNonMember) {
    }

    public static Distribution of(TierDistribution distribution, Locale locale) {
        List<TierCount> tiers = new ArrayList<>();
        long persons = 0;
        for (Tier tier : Tier.values()) {
            long count = distribution.persons().get(tier);
            tiers.add(new TierCount(tier.name(), tier.label(locale), tier.rank(), count));
            persons += count;
        }
        return new Distribution(distribution.period(), distribution.start(), distribution.end(),
                distribution.computedAt(), persons, tiers, distribution.purchasingNonMembers());
    }

    public static Transitions of(TierTransitions transitions, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (Tier from : Tier.values()) {
            names.put(from.name(), from.label(locale));
            Map<String, Long> row = new LinkedHashMap<>();
            for (Tier to : Tier.values()) {
                row.put(to.name(), transitions.counts()[from.rank()][to.rank()]);
            }
            matrix.put(from.name(), row);
        }
        return new Transitions(transitions.from(), transitions.to(), transitions.computedAt(), names, matrix,
                transitions.upgraded(), transitions.downgraded());
    }

    public static PersonTier of(MemberTier tier, Locale locale) {
        return new PersonTier(tier.period(), tier.tier().name(), tier.tier().label(locale), tier.memberPurchaseDays(),
                tier.propagations(), tier.purchasingNonMember());
    }
}
