package org.privatedomain.cdp.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Records events once per event id, resolving each to a member, and keeps relationships current. */
@Service
@Validated
public class EventService {

    private static final Set<StandardEventType> SHAPES_RELATIONSHIPS = Set.of(StandardEventType.CONNECT,
            StandardEventType.DISCONNECT, StandardEventType.JOIN_MEMBERSHIP, StandardEventType.LEAVE_MEMBERSHIP);

    /**
     * The members of already recorded events, by key. Lateral with limit 1: one primary-key lookup per key, whatever
     * the statistics say (event_id leads the primary key, and no other index of core.event leads with brand_id).
     */
    static final String RECORDED_MEMBERS = """
            select wanted.id, e.member_id
              from unnest(:ids::varchar[]) as wanted(id)
              cross join lateral (select e.member_id from core.event e
                                   where e.brand_id = :brand and e.event_id = wanted.id limit 1) e
            """;

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
        check(event);
        BrandContext brand = brands.context(brandCode);
        return writing.run(() -> recordAll(brand, List.of(event)).getFirst());
    }

    /**
     * Checks what bean validation cannot: the fields the event's type needs and that its identities can be
     * stored. Throws an {@link org.privatedomain.cdp.core.error.InvalidInputException} naming the first fault.
     */
    public static void check(NewEvent event) {
        StandardEventType.of(event.type()).ifPresent(type -> requireWhatTheTypeNeeds(type, event));
        MemberService.requireValid(event.identities());
    }

    /**
     * Records {@link #check checked} events within the caller's write transaction, with a few set-based
     * statements for all of them, and answers for each in order. An event id recorded before, or earlier in the
     * list, is a duplicate and changes nothing. Relationships of the members concerned are derived again once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RecordedEvent> recordAll(BrandContext brand, List<NewEvent> events) {
        long brandId = brand.id();
        Map<String, Long> memberOf = new HashMap<>(recordedMembers(brandId,
                events.stream().map(NewEvent::eventId).distinct().toList()));
        List<NewEvent> fresh = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (NewEvent event : events) {
            if (!memberOf.containsKey(event.eventId()) && named.add(event.eventId())) {
                fresh.add(event);
            }
        }
        long[] resolved = members.resolveAll(brand, fresh.stream().map(NewEvent::identities).toList(),
                fresh.stream().map(event -> "event:" + event.eventId()).toList());
        Set<String> inserted = insert(brandId, fresh, resolved);
        Set<Long> relationshipsChanged = new HashSet<>();
        List<String> raced = new ArrayList<>(); // recorded concurrently and committed first
        for (int i = 0; i < fresh.size(); i++) {
            NewEvent event = fresh.get(i);
            if (inserted.contains(event.eventId())) {
                memberOf.put(event.eventId(), resolved[i]);
                if (StandardEventType.of(event.type()).filter(SHAPES_RELATIONSHIPS::contains).isPresent()) {
                    relationshipsChanged.add(resolved[i]);
                }
            } else {
                raced.add(event.eventId());
            }
        }
        memberOf.putAll(recordedMembers(brandId, raced));
        relationships.recompute(brandId, relationshipsChanged);
        Set<String> answered = new HashSet<>();
        return events.stream()
                .map(event -> new RecordedEvent(event.eventId(), memberOf.get(event.eventId()),
                        !(inserted.contains(event.eventId()) && answered.add(event.eventId()))))
                .toList();
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

    private Map<String, Long> recordedMembers(long brandId, List<String> eventIds) {
        Map<String, Long> members = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.sql(RECORDED_MEMBERS)
                    .param("brand", brandId).param("ids", eventIds.toArray(String[]::new))
                    .query((rs, row) -> members.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return members;
    }

    /** Inserts the events in one statement; answers the ids inserted (not those a concurrent writer got first). */
    private Set<String> insert(long brandId, List<NewEvent> events, long[] members) {
        if (events.isEmpty()) {
            return Set.of();
        }
        int n = events.size();
        String[] ids = new String[n];
        Long[] memberIds = new Long[n];
        String[] types = new String[n];
        String[] occurredAt = new String[n];
        String[] fields = new String[n];
        String[] shareIds = new String[n];
        String[] orderIds = new String[n];
        Integer[] ratings = new Integer[n];
        String[] purposes = new String[n];
        String[] channels = new String[n];
        Boolean[] granted = new Boolean[n];
        String[] properties = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            boolean membership = event.type().equals(StandardEventType.JOIN_MEMBERSHIP.name())
                    || event.type().equals(StandardEventType.LEAVE_MEMBERSHIP.name());
            ids[i] = event.eventId();
            memberIds[i] = members[i];
            types[i] = event.type();
            occurredAt[i] = event.occurredAt().toString();
            fields[i] = membership || event.field() == null ? null : event.field().name();
            shareIds[i] = event.shareId();
            orderIds[i] = event.orderId();
            ratings[i] = event.rating();
            purposes[i] = event.purpose() == null ? null : event.purpose().name();
            channels[i] = event.channel() == null ? null : event.channel().name();
            granted[i] = event.granted();
            properties[i] = event.properties() == null ? null : json.writeValueAsString(event.properties());
        }
        return new HashSet<>(jdbc.sql("""
                        insert into core.event (brand_id, event_id, member_id, origin_member_id, type, occurred_at,
                                                received_at, field, share_id, order_id, rating, consent_purpose,
                                                consent_channel, consent_granted, properties)
                        select :brand, e.event_id, e.member_id, e.member_id, e.type, e.occurred_at, :receivedAt,
                               e.field, e.share_id, e.order_id, e.rating, e.purpose, e.channel, e.granted, e.properties
                          from unnest(:ids::varchar[], :members::bigint[], :types::varchar[],
                                      :occurredAt::timestamptz[], :fields::varchar[], :shareIds::varchar[],
                                      :orderIds::varchar[], :ratings::smallint[], :purposes::varchar[],
                                      :channels::varchar[], :granted::boolean[], :properties::jsonb[])
                               as e(event_id, member_id, type, occurred_at, field, share_id, order_id, rating,
                                    purpose, channel, granted, properties)
                        on conflict (brand_id, event_id) do nothing
                        returning event_id
                        """)
                .param("brand", brandId)
                .param("ids", ids)
                .param("members", memberIds)
                .param("types", types)
                .param("occurredAt", occurredAt)
                .param("receivedAt", Timestamp.from(clock.instant()))
                .param("fields", fields)
                .param("shareIds", shareIds)
                .param("orderIds", orderIds)
                .param("ratings", ratings)
                .param("purposes", purposes)
                .param("channels", channels)
                .param("granted", granted)
                .param("properties", properties)
                .query(String.class)
                .list());
    }
}
