package org.privatedomain.cdp.core.event;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Derives a member's relationship intervals from its CONNECT/DISCONNECT (per field) and JOIN/LEAVE_MEMBERSHIP
 * (field {@code MEMBERSHIP}) events, ordered by event time and then event id, so the arrival order never
 * matters. Per field and account (the member an event first resolved to), a run of opens counts from its
 * first, a run of closes ends at its first, and a close before any open means nothing. An erased member's
 * intervals end at its erasure.
 */
@Component
class Relationships {

    /**
     * The relationship intervals of {@code :members}, from their connect, disconnect, join and leave events by
     * event time. Each member's events are read through the index by person (lateral, offset 0), whatever the
     * statistics say.
     */
    static final String RECOMPUTE = """
            insert into core.relationship
                   (brand_id, member_id, field, origin_member_id, connected_at, disconnected_at)
            with changes as (
                select member_id, field, origin_member_id, opens, occurred_at, event_id
                  from (select e.member_id, coalesce(e.field, 'MEMBERSHIP') as field, e.origin_member_id,
                               e.type in ('CONNECT', 'JOIN_MEMBERSHIP') as opens,
                               e.occurred_at, e.event_id,
                               lag(e.type in ('CONNECT', 'JOIN_MEMBERSHIP'), 1, false) over (
                                   partition by e.member_id, coalesce(e.field, 'MEMBERSHIP'),
                                                e.origin_member_id
                                   order by e.occurred_at, e.event_id) as was_open
                          from unnest(:members::bigint[]) as wanted(id)
                          -- lateral, offset 0: an index scan per member, whatever the statistics say
                          cross join lateral (
                              select * from core.event e
                               where e.brand_id = :brand and e.member_id = wanted.id
                                 and e.type in ('CONNECT', 'DISCONNECT', 'JOIN_MEMBERSHIP',
                                                'LEAVE_MEMBERSHIP')
                              offset 0) e
                       ) ordered
                 where opens <> was_open
            ), spans as (
                select member_id, field, origin_member_id, opens, occurred_at,
                       lead(occurred_at) over (partition by member_id, field, origin_member_id
                                               order by occurred_at, event_id) as closed_at
                  from changes
            )
            select :brand, s.member_id, s.field, s.origin_member_id, s.occurred_at,
                   case when m.erased_at is null then s.closed_at
                        else least(coalesce(s.closed_at, m.erased_at), m.erased_at) end
              from spans s
              join core.member m on m.brand_id = :brand and m.id = s.member_id
             where s.opens and (m.erased_at is null or s.occurred_at < m.erased_at)
            """;

    private final JdbcClient jdbc;

    Relationships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recompute(long brandId, long memberId) {
        recompute(brandId, List.of(memberId));
    }

    void recompute(long brandId, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        Long[] members = memberIds.toArray(Long[]::new);
        jdbc.sql("""
                        delete from core.relationship
                         where brand_id = :brand and member_id = any(:members::bigint[])
                        """)
                .param("brand", brandId).param("members", members).update();
        jdbc.sql(RECOMPUTE).param("brand", brandId).param("members", members).update();
    }
}
