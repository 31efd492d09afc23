package org.privatedomain.cdp.campaign.delivery;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A STAND-IN for the channels without a real integration yet (SMS gateway, WeCom, WeChat template and
 * subscription messages, e-mail): it only logs each message's key and reports it sent, so the outbox, the
 * holdout and the report can be used end to end. Replace it per channel with an adapter that calls the
 * provider's API, like {@link WebhookAdapter}.
 */
@Component
class StandInAdapter implements ChannelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(StandInAdapter.class);

    @Override
    public Set<Channel> channels() {
        return EnumSet.complementOf(EnumSet.of(Channel.WEBHOOK));
    }

    @Override
    public Outcome send(OutgoingMessage message) {
        LOG.info("Stand-in {} adapter: message {} (campaign {}, member {}) counts as sent; nothing left the platform",
                message.channel(), message.idempotencyKey(), message.campaignId(), message.memberId());
        return new Outcome.Sent();
    }
}
