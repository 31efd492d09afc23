package org.privatedomain.cdp.campaign.delivery;

import java.util.List;

/** A page of messages by ascending id; {@code nextAfter} asks for the next page, null on the last. */
public record MessagePage(List<MessageView> messages, Long nextAfter) {
}
