package org.privatedomain.cdp.segmentation.segment;

import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.ConsentPurpose;

/**
 * {@code {"type":"consent","purpose":"MARKETING","channel":"SMS","granted":false}}: the member's consent in force
 * for the purpose on the channel. As in fast-plus.md, the latest CONSENT event by occurredAt (then event id) for
 * the purpose on that channel or on {@code ALL} decides; with no decision at all consent is implied, so it counts
 * as granted. The channel {@code ALL} looks at decisions made for all channels only.
 */
record ConsentCondition(ConsentPurpose purpose, ConsentChannel channel, boolean granted) implements Condition {

    static Condition parse(RuleReader rule) {
        return new ConsentCondition(rule.enumValue("purpose", ConsentPurpose.class, true),
                rule.enumValue("channel", ConsentChannel.class, true), rule.bool("granted", true, true));
    }

    @Override
    public String compile(SqlContext sql) {
        return """
                (select e.consent_granted from core.event e
                  where e.brand_id = %s and e.member_id = m.id and e.type = 'CONSENT'
                    and e.consent_purpose = %s and e.consent_channel in (%s, 'ALL')
                  order by e.occurred_at desc, e.event_id desc
                  limit 1) %s"""
                .formatted(sql.brand(), sql.bind(purpose.name()), sql.bind(channel.name()), granted ? "is not false" : "is false");
    }
}
