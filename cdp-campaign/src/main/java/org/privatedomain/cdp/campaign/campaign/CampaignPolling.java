package org.privatedomain.cdp.campaign.campaign;

import org.privatedomain.cdp.campaign.delivery.Dispatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The pollers: the dispatcher sends the outbox every {@code cdp.campaign.dispatch-interval} (default 5s);
 * scheduled campaigns launch and triggers are evaluated every {@code cdp.campaign.trigger-interval} (default
 * 1m). {@code cdp.campaign.polling=false} turns them off (tests call the services themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "cdp.campaign", name = "polling", havingValue = "true", matchIfMissing = true)
class CampaignPolling {

    private final CampaignService campaigns;
    private final TriggerService triggers;
    private final Dispatcher dispatcher;

    CampaignPolling(CampaignService campaigns, TriggerService triggers, Dispatcher dispatcher) {
        this.campaigns = campaigns;
        this.triggers = triggers;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${cdp.campaign.dispatch-interval:5s}", initialDelayString = "10s")
    void dispatch() {
        dispatcher.dispatch();
    }

    @Scheduled(fixedDelayString = "${cdp.campaign.trigger-interval:1m}", initialDelayString = "15s")
    void launchAndTrigger() {
        campaigns.launchDue();
        triggers.evaluate();
    }
}
