package org.privatedomain.cdp.core.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.member.MemberService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a member's events say: relationships, consent, and the timeline itself. */
@Service
@Validated
@Transactional(readOnly = true)
public class EventHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> PROPERTIES = new TypeReference<>() {
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
        long brandId = members.requireLive(brandCode, memberId);
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
        long brandId = members.requireLive(brandCode, memberId);
        return jdbc.sql("""
                        select distinct on (consent_purpose, consent_channel)
                               consent_purpose, consent_channel, consent_granted, occurred_at, event_id
                          from core.event
                         where brand_id = :brand and member_id = :member and type = 'CONSENT'
                         order by consent_purpose, consent_channel, occurred_at desc, event_id desc
                        """)
                .param("brand", brandId).param("member", memberId)
                .query((rs, row) -> new ConsentView(ConsentPurpose.valueOf(rs.getString(1)),
                        ConsentChannel.valueOf(rs.getString(2)), rs.getBoolean(3), instant(rs, 4), rs.getString(5)))
                .list();
    }

    /** The member's events, newest (by occurredAt) first, a page at a time. */
    public TimelinePage timeline(String brandCode, long memberId, String before, @Min(1) @Max(500) int limit) {
        long brandId = members.requireLive(brandCode, memberId);
        Cursor cursor = before == null ? null : Cursor.parse(before);
        List<TimelineEntry> entries = jdbc.sql("""
                        select event_id, type, occurred_at, received_at, field, share_id, order_id, rating,
                               consent_purpose, consent_channel, consent_granted, properties::text
                          from core.event
                         where brand_id = :brand and member_id = :member
                           and (cast(:beforeTime as timestamptz) is null
                                or (occurred_at, event_id) < (cast(:beforeTime as timestamptz), :beforeId))
                         order by occurred_at desc, event_id desc
                         limit :limit
                        """)
                .param("brand", brandId).param("member", memberId)
                .param("beforeTime", cursor == null ? null : OffsetDateTime.parse(cursor.occurredAt()))
                .param("beforeId", cursor == null ? "" : cursor.eventId())
                .param("limit", limit + 1)
                .query((rs, row) -> entry(rs))
                .list();
        List<TimelineEntry> page = entries.subList(0, Math.min(limit, entries.size()));
        String next = entries.size() > limit
                ? new Cursor(page.getLast().occurredAt().toString(), page.getLast().eventId()).encode()
                : null;
        return new TimelinePage(page, next);
    }

    private TimelineEntry entry(ResultSet rs) throws SQLException {
        String field = rs.getString(5);
        String purpose = rs.getString(9);
        String channel = rs.getString(10);
        String properties = rs.getString(12);
        return new TimelineEntry(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                field == null ? null : Field.valueOf(field), rs.getString(6), rs.getString(7),
                (Integer) rs.getObject(8, Integer.class), purpose == null ? null : ConsentPurpose.valueOf(purpose),
                channel == null ? null : ConsentChannel.valueOf(channel), (Boolean) rs.getObject(11, Boolean.class),
                properties == null ? null : json.readValue(properties, PROPERTIES));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Where a timeline page ended: opaque to callers. */
    private record Cursor(String occurredAt, String eventId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((occurredAt + "|" + eventId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String encoded) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                Cursor cursor = new Cursor(decoded.substring(0, bar), decoded.substring(bar + 1));
                OffsetDateTime.parse(cursor.occurredAt());
                return cursor;
            } catch (RuntimeException notOurs) {
                throw new InvalidInputException("invalid-parameter", "before must be the 'next' of a previous page.");
            }
        }
    }
}
