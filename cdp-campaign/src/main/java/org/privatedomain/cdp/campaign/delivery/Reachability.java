package org.privatedomain.cdp.campaign.delivery;

/**
 * Who may be sent marketing now, as SQL conditions shared by enrolment and the dispatcher's last check. Built
 * only from the column names given by the code, never from input.
 */
public final class Reachability {

    private Reachability() {
    }

    /**
     * Marketing consent on the consent channel (or ALL) by the latest CONSENT event at {@code now}; without any
     * such event, a relationship (a field or membership) active at {@code now} implies consent (fast-plus.md).
     */
    public static String consented(String brand, String member, String consentChannel, String now) {
        return """
                coalesce((select e.consent_granted from core.event e
                           where e.brand_id = %1$s and e.member_id = %2$s and e.type = 'CONSENT'
                             and e.consent_purpose = 'MARKETING' and e.consent_channel in (%3$s, 'ALL')
                             and e.occurred_at <= %4$s
                           order by e.occurred_at desc, e.event_id desc limit 1),
                         exists (select 1 from core.relationship r
                                  where r.brand_id = %1$s and r.member_id = %2$s and r.connected_at < %4$s
                                    and (r.disconnected_at is null or r.disconnected_at >= %4$s)))
                """.formatted(brand, member, consentChannel, now);
    }

    /** The same with the consent channel of a message's channel column. */
    public static String consentedOnChannel(String brand, String member, String channelColumn, String now) {
        return consented(brand, member, Channel.consentChannelSql(channelColumn), now);
    }

    /**
     * How many messages the person got or is about to get in the rolling window before {@code at}, across the
     * brand's campaigns: sent ones by their send time, waiting ones by their due time.
     */
    public static String recentMessages(String brand, String member, String at, String windowHours) {
        return """
                (select count(*) from campaign.message r
                  where r.brand_id = %1$s and r.member_id = %2$s and r.state in ('PENDING', 'SENDING', 'SENT')
                    and coalesce(r.sent_at, r.due_at) > %3$s - make_interval(hours => %4$s)
                    and coalesce(r.sent_at, r.due_at) <= %3$s)
                """.formatted(brand, member, at, windowHours);
    }
}
