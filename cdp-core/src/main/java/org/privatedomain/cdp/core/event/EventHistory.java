package org.privatedomain.cdp.core.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.member.Disclosure;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.member.MemberView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a member's history says: relationships, consent, the timeline of events and orders, and the profile
 * answers that combine them with the member, each read in one transaction.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class EventHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final MemberService members;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventHistory(MemberService members, JdbcClient jdbc, JsonMapper json) {
        this.members = members;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every relationship interval, by field and start. */
    public List<RelationshipView> relationships(String brandCode, long memberId) {
        return relationships(members.requireLive(brandCode, memberId), memberId);
    }

    private List<RelationshipView> relationships(long brandId, long memberId) {
        return jdbc.sql("""
                        select field, connected_at, disconnected_at from core.relationship
                         where brand_id = :brand and member_id = :member
                         order by field, connected_at, disconnected_at nulls last
                        """)
                .param("brand", brandId).param("member", memberId)
                .query((rs, row) -> new RelationshipView(rs.getString(1), instant(rs, 2), instant(rs, 3)))
                .list();
    }

    /** The current decision per purpose and channel: the latest CONSENT event by occurredAt (then event id). */
    public List<ConsentView> consents(String brandCode, long memberId) {
        return consents(members.requireLive(brandCode, memberId), memberId);
    }

    private List<ConsentView> consents(long brandId, long memberId) {
        return jdbc.sql("""
                        select distinct on (consent_purpose, consent_channel)
                               consent_purpose, consent_channel, consent_granted, occurred_at, event_id
                          from core.event
                         where brand_id = :brand and member_id = :member and type = 'CONSENT'
                         order by consent_purpose, consent_channel, occurred_at desc, event_id desc
                        """)
                .param("brand", brandId).param("member", memberId)
                .query((rs, row) -> consent(rs))
                .list();
    }

    /** Every CONSENT decision the person made, oldest first by event time. */
    public List<ConsentView> consentHistory(String brandCode, long memberId) {
        return consentHistory(members.requireLive(brandCode, memberId), memberId);
    }

    private List<ConsentView> consentHistory(long brandId, long memberId) {
        return jdbc.sql("""
                        select consent_purpose, consent_channel, consent_granted, occurred_at, event_id
                          from core.event
                         where brand_id = :brand and member_id = :member and type = 'CONSENT'
                         order by occurred_at, event_id
                        """)
                .param("brand", brandId).param("member", memberId)
                .query((rs, row) -> consent(rs))
                .list();
    }

    /** The member's events and orders, newest first (by event time and paid time), a page at a time. */
    public TimelinePage timeline(String brandCode, long memberId, String before, @Min(1) @Max(500) int limit) {
        return timeline(members.requireLive(brandCode, memberId), memberId, before, limit);
    }

    /** The profile with relationships and consent, read in one transaction. */
    public MemberDetails details(String brandCode, long memberId, Disclosure disclosure) {
        long brandId = members.requireLive(brandCode, memberId);
        return details(brandId, members.read(brandId, memberId, disclosure));
    }

    /** The same for the member holding an identity. */
    public MemberDetails detailsByIdentity(String brandCode, Identity identity, Disclosure disclosure) {
        MemberView member = members.findByIdentity(brandCode, identity, disclosure);
        return details(members.requireLive(brandCode, member.id()), member);
    }

    /** Everything held about the person (PIPL right of access), read in one transaction. */
    public MemberExportDocument export(String brandCode, long memberId) {
        long brandId = members.requireLive(brandCode, memberId);
        List<TimelineEntry> timeline = new ArrayList<>();
        TimelinePage page = timeline(brandId, memberId, null, 500);
        timeline.addAll(page.items());
        while (page.next() != null) { // one person's history is small enough to hold
            page = timeline(brandId, memberId, page.next(), 500);
            timeline.addAll(page.items());
        }
        return new MemberExportDocument(members.export(brandCode, memberId), relationships(brandId, memberId),
                consentHistory(brandId, memberId), timeline);
    }

    private MemberDetails details(long brandId, MemberView member) {
        return new MemberDetails(member, relationships(brandId, member.id()), consents(brandId, member.id()));
    }

    private TimelinePage timeline(long brandId, long memberId, String before, int limit) {
        Cursor cursor = before == null ? null : Cursor.parse(before);
        List<TimelineEntry> entries = jdbc.sql("""
                        select kind, id, type, occurred_at, received_at, details
                          from (select 'EVENT' as kind, event_id as id, type, occurred_at, received_at,
                                       jsonb_strip_nulls(jsonb_build_object(
                                           'field', field, 'shareId', share_id, 'orderId', order_id,
                                           'rating', rating, 'purpose', consent_purpose, 'channel', consent_channel,
                                           'granted', consent_granted, 'properties', properties))::text as details
                                  from core.event
                                 where brand_id = :brand and member_id = :member
                                union all
                                select 'ORDER', order_id, status, paid_at, received_at,
                                       jsonb_strip_nulls(jsonb_build_object(
                                           'amount', amount, 'refundedAmount', refunded_amount, 'channel', channel,
                                           'referralShareId', referral_share_id,
                                           'referralMemberId', referral_member_id, 'items', items))::text
                                  from core.orders
                                 where brand_id = :brand and member_id = :member) timeline
                         where cast(:beforeTime as timestamptz) is null
                            or (occurred_at, kind, id) < (cast(:beforeTime as timestamptz), :beforeKind, :beforeId)
                         order by occurred_at desc, kind desc, id desc
                         limit :limit
                        """)
                .param("brand", brandId).param("member", memberId)
                .param("beforeTime", cursor == null ? null : OffsetDateTime.parse(cursor.occurredAt()))
                .param("beforeKind", cursor == null ? "" : cursor.kind())
                .param("beforeId", cursor == null ? "" : cursor.id())
                .param("limit", limit + 1)
                .query((rs, row) -> new TimelineEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), json.readValue(rs.getString(6), DETAILS)))
                .list();
        List<TimelineEntry> page = entries.subList(0, Math.min(limit, entries.size()));
        String next = entries.size() > limit
                ? new Cursor(page.getLast().occurredAt().toString(), page.getLast().kind(), page.getLast().id()).encode()
                : null;
        return new TimelinePage(page, next);
    }

    private static ConsentView consent(ResultSet rs) throws SQLException {
        return new ConsentView(ConsentPurpose.valueOf(rs.getString(1)), ConsentChannel.valueOf(rs.getString(2)),
                rs.getBoolean(3), instant(rs, 4), rs.getString(5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Where a timeline page ended: opaque to callers. */
    private record Cursor(String occurredAt, String kind, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((occurredAt + "|" + kind + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String encoded) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                        .split("\\|", 3);
                OffsetDateTime.parse(parts[0]);
                return new Cursor(parts[0], parts[1], parts[2]);
            } catch (RuntimeException notOurs) {
                throw new InvalidInputException("invalid-parameter", "before must be the 'next' of a previous page.");
            }
        }
    }
}
