package org.privatedomain.cdp.segmentation.tier;

/**
 * A person's tier in a period, with what decided it: distinct local days with a qualifying purchase as a member,
 * successful propagations, and whether the person bought outside membership.
 */
public record MemberTier(String period, Tier tier, int memberPurchaseDays, int propagations,
        boolean purchasingNonMember) {
}
