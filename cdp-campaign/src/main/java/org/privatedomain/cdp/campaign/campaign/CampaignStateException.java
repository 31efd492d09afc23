package org.privatedomain.cdp.campaign.campaign;

import java.util.Set;
import org.privatedomain.cdp.core.error.ConflictException;

/** A transition the campaign's state does not allow; names the state and the states it may move to. */
public class CampaignStateException extends ConflictException {

    private final CampaignState state;
    private final Set<CampaignState> allowed;

    CampaignStateException(String action, CampaignState state) {
        super("campaign-state-conflict", "Cannot " + action + " a campaign that is " + state + "; from " + state
                + " it may go to " + (state.next().isEmpty() ? "no other state" : state.next()) + ".");
        this.state = state;
        this.allowed = state.next();
    }

    public CampaignState state() {
        return state;
    }

    public Set<CampaignState> allowed() {
        return allowed;
    }
}
