package org.privatedomain.cdp.campaign.campaign;

import java.util.EnumSet;
import java.util.Set;

/** DRAFT -> SCHEDULED -> RUNNING -> COMPLETED, with PAUSED and CANCELLED. */
public enum CampaignState {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    COMPLETED,
    CANCELLED;

    /** The states this one may move to. */
    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, RUNNING, CANCELLED);
            case SCHEDULED -> EnumSet.of(DRAFT, RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(PAUSED, COMPLETED, CANCELLED);
            case PAUSED -> EnumSet.of(RUNNING, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignState.class);
        };
    }
}
