package org.privatedomain.cdp.core.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves everything one member holds to another and retires it. The survivor keeps its own profile values and
 * takes the merged member's where it has none; attributes combine with the survivor's winning; the earliest
 * registration time stays. The retired row keeps only its id, creation time and the pointer to its survivor.
 * Features that keep rows per member move them on {@link MembersMerged}, in the same transaction.
 */
@Component
class MemberMerger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MemberMerger(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    void merge(long brandId, long merged, long survivor, String cause) {
        Map<String, Object> params = Map.of("brand", brandId, "merged", merged, "survivor", survivor,
                "now", Timestamp.from(clock.instant()), "cause", cause);
        run("update core.identity set member_id = :survivor where brand_id = :brand and member_id = :merged",
                params);
        run("""
                insert into core.member_tag (brand_id, member_id, tag, tagged_at)
                select brand_id, :survivor, tag, tagged_at from core.member_tag
                 where brand_id = :brand and member_id = :merged
                on conflict do nothing
                """, params);
        run("delete from core.member_tag where brand_id = :brand and member_id = :merged",
                params);
        run("""
                update core.member s
                   set name = coalesce(s.name, m.name),
                       gender = coalesce(s.gender, m.gender),
                       birthday = coalesce(s.birthday, m.birthday),
                       city = coalesce(s.city, m.city),
                       province = coalesce(s.province, m.province),
                       registered_at = least(s.registered_at, m.registered_at),
                       attributes = m.attributes || s.attributes,
                       updated_at = :now
                  from core.member m
                 where s.brand_id = :brand and s.id = :survivor and m.brand_id = :brand and m.id = :merged
                """, params);
        run("""
                update core.member
                   set merged_into = :survivor, merged_at = :now, updated_at = :now,
                       name = null, gender = null, birthday = null, city = null, province = null,
                       registered_at = null, attributes = '{}'
                 where brand_id = :brand and id = :merged
                """, params);
        // Members merged earlier into the retired one now point straight at the survivor: one hop, always.
        run("update core.member set merged_into = :survivor where brand_id = :brand and merged_into = :merged",
                params);
        run("""
                insert into core.member_merge (brand_id, merged_member_id, survivor_id, merged_at, cause)
                values (:brand, :merged, :survivor, :now, :cause)
                """, params);
        events.publishEvent(new MembersMerged(brandId, merged, survivor));
    }

    private void run(String sql, Map<String, Object> params) {
        jdbc.sql(sql).params(params).update();
    }
}
