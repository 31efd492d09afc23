package org.privatedomain.cdp.campaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.privatedomain.cdp.campaign.delivery.Channel;

/** A campaign as answered, with the states it may move to next. */
public record CampaignView(long id, String name, String goal, Audience audience, Trigger trigger, Channel channel,
        String template, BigDecimal holdoutShare, int attributionDays, Instant scheduledAt, CampaignState state,
        Set<CampaignState> allowedTransitions, Instant launchedAt, Instant finishedAt, Instant createdAt,
        Instant updatedAt, long coupons, long couponsAssigned) {
}
