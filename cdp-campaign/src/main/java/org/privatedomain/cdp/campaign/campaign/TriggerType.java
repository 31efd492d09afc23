package org.privatedomain.cdp.campaign.campaign;

/** The lifecycle moments a triggered campaign answers. */
public enum TriggerType {
    /** A JOIN_MEMBERSHIP event: once per join. */
    WELCOME,
    /** The member's birthday, by the brand's local date (29 February on 28 February in other years): once a year. */
    BIRTHDAY,
    /** The last qualifying order is {@code days} old: once per lapse (a new order starts a new one). */
    WIN_BACK,
    /** The person reaches {@code tier} (or above) in the current period, from below it in the previous one. */
    TIER_UPGRADE
}
