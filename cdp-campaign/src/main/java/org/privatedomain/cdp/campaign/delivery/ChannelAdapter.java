package org.privatedomain.cdp.campaign.delivery;

import java.util.Set;

/** Sends messages of some channels. Must not throw: every failure is an {@link Outcome}. */
interface ChannelAdapter {

    Set<Channel> channels();

    Outcome send(OutgoingMessage message);
}
