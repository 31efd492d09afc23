package org.privatedomain.cdp.campaign.delivery;

import org.privatedomain.cdp.core.event.ConsentChannel;

/** Where a campaign's messages go, and the consent channel that decides whether a person may get them. */
public enum Channel {
    SMS(ConsentChannel.SMS),
    WECOM(ConsentChannel.WECOM),
    WECHAT_TEMPLATE(ConsentChannel.WECHAT),
    MINI_PROGRAM_SUBSCRIBE(ConsentChannel.WECHAT),
    EMAIL(ConsentChannel.EMAIL),
    /** The brand's own system, reached by a signed HTTP POST; only consent given for ALL channels counts. */
    WEBHOOK(ConsentChannel.ALL);

    private final ConsentChannel consentChannel;

    Channel(ConsentChannel consentChannel) {
        this.consentChannel = consentChannel;
    }

    public ConsentChannel consentChannel() {
        return consentChannel;
    }

    /** The same mapping in SQL, for a column holding a channel's name. */
    static String consentChannelSql(String channelColumn) {
        StringBuilder sql = new StringBuilder("(case ").append(channelColumn);
        for (Channel channel : values()) {
            sql.append(" when '").append(channel.name()).append("' then '").append(channel.consentChannel.name())
                    .append('\'');
        }
        return sql.append(" end)").toString();
    }
}
