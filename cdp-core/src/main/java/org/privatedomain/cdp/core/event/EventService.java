package org.privatedomain.cdp.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.privatedomain.cdp.core.WriteTransactions;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.member.MemberErased;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.member.MembersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Records events once per event id, resolving each to a member, and keeps relationships current. */
@Service
@Validated
public class EventService {

    private static final Set<StandardEventType> SHAPES_RELATIONSHIPS = Set.of(StandardEventType.CONNECT,
            StandardEventType.DISCONNECT, StandardEventType.JOIN_MEMBERSHIP, StandardEventType.LEAVE_MEMBERSHIP);

    private final BrandService brands;
    private final MemberService members;
    private final Relationships relationships;
    private final WriteTransactions writing;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    EventService(BrandService brands, MemberService members, Relationships relationships, WriteTransactions writing,
            JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.relationships = relationships;
        this.writing = writing;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records the event; a resent event id changes nothing and answers {@code duplicate}. */
    public RecordedEvent record(String brandCode, @Valid @NotNull NewEvent event) {
        Optional<StandardEventType> standard = StandardEventType.of(event.type());
        standard.ifPresent(type -> requireWhatTheTypeNeeds(type, event));
        BrandContext brand = brands.context(brandCode);
        long brandId = brand.id();
        return writing.run(() -> {
            Optional<Long> seen = memberOf(brandId, event.eventId());
            if (seen.isPresent()) {
                return new RecordedEvent(event.eventId(), seen.get(), true);
            }
            long member = members.resolve(brand, event.identities(), "event:" + event.eventId());
            int inserted = insert(brandId, member, event, standard);
            if (inserted == 0) { // the same event id, recorded concurrently and committed first
                return new RecordedEvent(event.eventId(), memberOf(brandId, event.eventId()).orElseThrow(), true);
            }
            if (standard.isPresent() && SHAPES_RELATIONSHIPS.contains(standard.get())) {
                relationships.recompute(brandId, member);
            }
            return new RecordedEvent(event.eventId(), member, false);
        });
    }

    @EventListener
    void moveEvents(MembersMerged merged) {
        jdbc.sql("update core.event set member_id = :survivor where brand_id = :brand and member_id = :merged")
                .param("survivor", merged.survivorId()).param("brand", merged.brandId())
                .param("merged", merged.mergedMemberId()).update();
        relationships.recompute(merged.brandId(), merged.mergedMemberId());
        relationships.recompute(merged.brandId(), merged.survivorId());
    }

    /** Free text goes (PIPL); the anonymous facts stay, and relationships end at the erasure. */
    @EventListener
    void eraseFreeText(MemberErased erased) {
        jdbc.sql("update core.event set properties = null where brand_id = :brand and member_id = :member")
                .param("brand", erased.brandId()).param("member", erased.memberId()).update();
        relationships.recompute(erased.brandId(), erased.memberId());
    }

    private static void requireWhatTheTypeNeeds(StandardEventType type, NewEvent event) {
        String missing = switch (type) {
            case CONNECT, DISCONNECT, VISIT -> event.field() == null ? "field" : null;
            case SHARE -> event.shareId() == null ? "shareId" : null;
            case REVIEW -> event.orderId() == null ? "orderId" : event.rating() == null ? "rating" : null;
            case CONSENT -> event.purpose() == null ? "purpose" : event.channel() == null ? "channel"
                    : event.granted() == null ? "granted" : null;
            case JOIN_MEMBERSHIP, LEAVE_MEMBERSHIP -> null;
        };
        if (missing != null) {
            throw new InvalidEventException("A " + type + " event needs '" + missing + "'.");
        }
    }

    private Optional<Long> memberOf(long brandId, String eventId) {
        return jdbc.sql("select member_id from core.event where brand_id = :brand and event_id = :event")
                .param("brand", brandId).param("event", eventId)
                .query(Long.class)
                .optional();
    }

    private int insert(long brandId, long member, NewEvent event, Optional<StandardEventType> standard) {
        boolean membership = standard.filter(type -> type == StandardEventType.JOIN_MEMBERSHIP
                || type == StandardEventType.LEAVE_MEMBERSHIP).isPresent();
        return jdbc.sql("""
                        insert into core.event (brand_id, event_id, member_id, origin_member_id, type, occurred_at,
                                                received_at, field, share_id, order_id, rating, consent_purpose,
                                                consent_channel, consent_granted, properties)
                        values (:brand, :event, :member, :member, :type, :occurredAt, :receivedAt, :field, :shareId,
                                :orderId, :rating, :purpose, :channel, :granted, :properties::jsonb)
                        on conflict (brand_id, event_id) do nothing
                        """)
                .param("brand", brandId)
                .param("event", event.eventId())
                .param("member", member)
                .param("type", event.type())
                .param("occurredAt", event.occurredAt())
                .param("receivedAt", Timestamp.from(clock.instant()))
                .param("field", membership || event.field() == null ? null : event.field().name())
                .param("shareId", event.shareId())
                .param("orderId", event.orderId())
                .param("rating", event.rating())
                .param("purpose", event.purpose() == null ? null : event.purpose().name())
                .param("channel", event.channel() == null ? null : event.channel().name())
                .param("granted", event.granted())
                .param("properties", event.properties() == null ? null : json.writeValueAsString(event.properties()))
                .update();
    }
}
