package org.privatedomain.cdp.campaign.campaign;

/** Cancels a test brand's open campaigns, so their queued messages never reach another test's dispatcher run. */
final class Leftovers {

    private Leftovers() {
    }

    static void cancel(CampaignService campaigns, String brand) {
        campaigns.list(brand).stream()
                .filter(campaign -> campaign.allowedTransitions().contains(CampaignState.CANCELLED))
                .forEach(campaign -> campaigns.cancel(brand, campaign.id()));
    }
}
