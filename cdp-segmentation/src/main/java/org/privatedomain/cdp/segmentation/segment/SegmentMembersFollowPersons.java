package org.privatedomain.cdp.segmentation.segment;

import org.privatedomain.cdp.core.member.MemberErased;
import org.privatedomain.cdp.core.member.MembersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps materialised segment memberships true between refreshes, inside the transaction that merges or erases:
 * a merged person's memberships move to the survivor, an erased person leaves every segment. Each statement
 * finds the rows by the membership's key, one segment of the brand at a time.
 */
@Component
class SegmentMembersFollowPersons {

    private final JdbcClient jdbc;

    SegmentMembersFollowPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void moveMemberships(MembersMerged merged) {
        jdbc.sql("""
                        insert into segmentation.segment_member (brand_id, segment_id, member_id, added_at)
                        select brand_id, segment_id, :survivor, added_at from segmentation.segment_member
                         where brand_id = :brand and member_id = :member
                           and segment_id in (select id from segmentation.segment where brand_id = :brand)
                        on conflict do nothing
                        """)
                .param("brand", merged.brandId()).param("member", merged.mergedMemberId())
                .param("survivor", merged.survivorId()).update();
        leaveAll(merged.brandId(), merged.mergedMemberId());
    }

    @EventListener
    void leaveSegments(MemberErased erased) {
        leaveAll(erased.brandId(), erased.memberId());
    }

    private void leaveAll(long brandId, long memberId) {
        jdbc.sql("""
                        delete from segmentation.segment_member
                         where brand_id = :brand and member_id = :member
                           and segment_id in (select id from segmentation.segment where brand_id = :brand)
                        """)
                .param("brand", brandId).param("member", memberId).update();
    }
}
