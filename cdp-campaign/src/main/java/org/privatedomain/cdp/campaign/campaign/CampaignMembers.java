package org.privatedomain.cdp.campaign.campaign;

import java.util.List;
import org.privatedomain.cdp.core.member.MemberErased;
import org.privatedomain.cdp.core.member.MembersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps campaign rows per person right when persons merge or are erased, in the same transaction. */
@Component
class CampaignMembers {

    private final JdbcClient jdbc;

    CampaignMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The merged person's audience entries, messages and coupons move to the survivor, so its orders (which move
     * too) count for the report and its consent for the last check. An entry of a campaign that reached both
     * stays with the merged id: the survivor's own entry already speaks for the person.
     */
    @EventListener
    void move(MembersMerged merged) {
        for (String table : List.of("audience_member", "message", "coupon")) {
            jdbc.sql("""
                            update campaign.%1$s t set member_id = :survivor
                             where t.brand_id = :brand and t.member_id = :merged
                               and not exists (select 1 from campaign.%1$s s
                                                where s.brand_id = t.brand_id and s.campaign_id = t.campaign_id
                                                  and s.member_id = :survivor and s.occurrence = t.occurrence)
                            """.formatted(table))
                    .param("brand", merged.brandId()).param("merged", merged.mergedMemberId())
                    .param("survivor", merged.survivorId()).update();
        }
    }

    /** Personal content goes (PIPL), and nothing more is sent to the person. */
    @EventListener
    void erase(MemberErased erased) {
        jdbc.sql("""
                        update campaign.message
                           set content = '',
                               state = case when state = 'PENDING' then 'SKIPPED' else state end,
                               skip_reason = case when state = 'PENDING' then 'ERASED' else skip_reason end
                         where brand_id = :brand and member_id = :member
                        """)
                .param("brand", erased.brandId()).param("member", erased.memberId()).update();
    }
}
