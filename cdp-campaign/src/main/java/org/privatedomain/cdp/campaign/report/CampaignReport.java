package org.privatedomain.cdp.campaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import org.privatedomain.cdp.campaign.campaign.CampaignState;

/**
 * How a campaign did. Treatment: each message sent, with its attribution window from the send; holdout: each
 * held-out audience entry that would otherwise have been messaged (consent and cap allowed it), from its
 * enrolment. A conversion is a qualifying order (PAID or PARTIALLY_REFUNDED, net above 0) of the person inside
 * the window.
 *
 * @param incrementalGmv (treatment GMV per person - holdout GMV per person) x treatment persons; null without a
 *                       holdout
 * @param cost           messages sent x the brand's cost per message
 * @param roi            (incrementalGmv - cost) / cost; null when the cost is 0 or there is no holdout
 */
public record CampaignReport(long campaignId, CampaignState state, Instant launchedAt, int attributionDays,
        AudienceCounts audience, Delivery delivery, Group treatment, Group holdout, Uplift uplift,
        BigDecimal incrementalGmv, BigDecimal cost, BigDecimal roi, TierMovements tiers) {

    /** Audience entries and why those without a message got none. */
    public record AudienceCounts(long entered, long campaignHoldout, long brandHoldout, long noConsent, long capped,
            long noCoupon) {
    }

    /**
     * Messages by outcome: {@code failed} counts messages the dispatcher gave up on or a channel reported FAILED;
     * {@code delivered}, {@code opened} and {@code clicked} count messages with such a receipt.
     */
    public record Delivery(long messages, long pending, long sent, long delivered, long failed, long opened,
            long clicked, long skippedNoConsent, long skippedCapped, long skippedCancelled, long skippedErased) {
    }

    /** One group's conversion: persons (entries), those who bought in their window, the rate, orders and GMV. */
    public record Group(long persons, long converted, Double rate, long orders, BigDecimal gmv) {
    }

    /**
     * Persons of each group by the move of their tier from the period before launch to the period of the end of
     * the attribution window (today's period while it is open).
     */
    public record TierMovements(String from, String to, Movement treatment, Movement holdout) {
    }

    public record Movement(long upgraded, long unchanged, long downgraded) {
    }
}
