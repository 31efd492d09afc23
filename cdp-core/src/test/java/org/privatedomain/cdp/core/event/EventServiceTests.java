package org.privatedomain.cdp.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.KeyLookupPlans;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.Disclosure;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class EventServiceTests {

    private static final Identity ALICE = new Identity(IdentityType.WECHAT_UNIONID, "alice");
    private static final Identity BOB = new Identity(IdentityType.TMALL_OUID, "bob");

    @Autowired
    EventService events;

    @Autowired
    EventHistory history;

    @Autowired
    MemberService members;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    String brand;
    int sequence;

    @BeforeEach
    void newBrand() {
        brand = TestBrands.create(brands);
    }

    @Test
    void eventsAreFoundByKeyAndByPersonUnderStatisticsTakenWhileTheirBrandHadNone() {
        String busy = TestBrands.create(brands);
        events.record(busy, connect("seed", ALICE, Field.STORE, "2026-03-01T10:00:00+08:00"));
        KeyLookupPlans.fillAndAnalyse(jdbc, "event", busy, "event_id", "seed", "occurred_at");

        String plan = KeyLookupPlans.plan(jdbc, EventService.RECORDED_MEMBERS,
                Map.of("brand", KeyLookupPlans.brandId(jdbc, brand), "ids", new String[] {"e1", "e2"}));

        assertThat(plan).contains("event_pkey").doesNotContain("event_member_time_idx");
        String recompute = KeyLookupPlans.plan(jdbc, Relationships.RECOMPUTE,
                Map.of("brand", KeyLookupPlans.brandId(jdbc, brand), "members", new Long[] {1L, 2L}));
        assertThat(recompute).as("a member's events, read to recompute its relationships")
                .contains("event_member_time_idx").doesNotContain("event_pkey");
    }

    @Test
    void connectAndDisconnectMakeAnIntervalByEventTime() {
        long member = record(connect("e1", ALICE, Field.GROUP_CHAT, "2026-03-01T10:00:00+08:00")).memberId();
        record(disconnect("e2", ALICE, Field.GROUP_CHAT, "2026-04-01T10:00:00+08:00"));
        record(connect("e3", ALICE, Field.GROUP_CHAT, "2026-05-01T10:00:00+08:00"));

        assertThat(history.relationships(brand, member)).containsExactly(
                new RelationshipView("GROUP_CHAT", at("2026-03-01T10:00:00+08:00"), at("2026-04-01T10:00:00+08:00")),
                new RelationshipView("GROUP_CHAT", at("2026-05-01T10:00:00+08:00"), null));
    }

    @Test
    void lateOutOfOrderAndRepeatedEventsGiveTheSameIntervals() {
        List<NewEvent> stream = List.of(
                disconnect("x0", ALICE, Field.STORE, "2026-01-01T00:00:00Z"), // a close before any open: nothing
                connect("x1", ALICE, Field.STORE, "2026-01-05T00:00:00Z"),
                connect("x2", ALICE, Field.STORE, "2026-01-07T00:00:00Z"), // already connected: no new start
                disconnect("x3", ALICE, Field.STORE, "2026-02-01T00:00:00Z"),
                disconnect("x4", ALICE, Field.STORE, "2026-02-03T00:00:00Z"), // already gone: no new end
                membership("x5", ALICE, "JOIN_MEMBERSHIP", "2026-01-10T00:00:00Z"),
                membership("x6", ALICE, "LEAVE_MEMBERSHIP", "2026-03-10T00:00:00Z"),
                connect("x7", ALICE, Field.STORE, "2026-04-01T00:00:00Z"));
        List<RelationshipView> expected = List.of(
                new RelationshipView("MEMBERSHIP", at("2026-01-10T00:00:00Z"), at("2026-03-10T00:00:00Z")),
                new RelationshipView("STORE", at("2026-01-05T00:00:00Z"), at("2026-02-01T00:00:00Z")),
                new RelationshipView("STORE", at("2026-04-01T00:00:00Z"), null));

        long ordered = recordAll(stream);
        assertThat(history.relationships(brand, ordered)).isEqualTo(expected);

        for (long seed = 1; seed <= 3; seed++) {
            newBrand();
            List<NewEvent> shuffled = new ArrayList<>(stream);
            Collections.shuffle(shuffled, new Random(seed));
            long member = recordAll(shuffled);
            recordAll(shuffled.subList(0, 4)); // resent: duplicates change nothing
            assertThat(history.relationships(brand, member)).as("arrival order %s", shuffled).isEqualTo(expected);
        }
    }

    @Test
    void aResentEventChangesNothing() {
        RecordedEvent first = record(connect("dup", ALICE, Field.LIVE, "2026-03-01T10:00:00Z"));

        RecordedEvent again = record(new NewEvent("dup", "CONNECT", OffsetDateTime.parse("2026-03-02T10:00:00Z"),
                List.of(ALICE, BOB), Field.LIVE, null, null, null, null, null, null, null));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.memberId()).isEqualTo(first.memberId());
        assertThat(members.get(brand, first.memberId(), Disclosure.FULL).identities()).hasSize(1);
        assertThat(history.timeline(brand, first.memberId(), null, 10).items()).singleElement()
                .extracting(TimelineEntry::occurredAt).isEqualTo(at("2026-03-01T10:00:00Z"));
    }

    @Test
    void aMergedPersonKeepsEachAccountsRelationships() {
        long alice = record(connect("a1", ALICE, Field.GROUP_CHAT, "2026-01-01T00:00:00Z")).memberId();
        long bob = record(connect("b1", BOB, Field.GROUP_CHAT, "2026-02-01T00:00:00Z")).memberId();
        record(disconnect("b2", BOB, Field.GROUP_CHAT, "2026-03-01T00:00:00Z"));

        long person = record(new NewEvent("link", "VISIT", OffsetDateTime.parse("2026-03-05T00:00:00Z"),
                List.of(ALICE, BOB), Field.MINI_PROGRAM, null, null, null, null, null, null, null)).memberId();

        assertThat(person).isEqualTo(alice).isNotEqualTo(bob);
        // Bob's account left the chat; Alice's is still in it: the person still is.
        assertThat(history.relationships(brand, person)).containsExactlyInAnyOrder(
                new RelationshipView("GROUP_CHAT", at("2026-01-01T00:00:00Z"), null),
                new RelationshipView("GROUP_CHAT", at("2026-02-01T00:00:00Z"), at("2026-03-01T00:00:00Z")));
        assertThat(history.timeline(brand, person, null, 10).items()).extracting(TimelineEntry::id)
                .containsExactly("link", "b2", "b1", "a1");
    }

    @Test
    void theLatestConsentByEventTimeWins() {
        long member = record(consent("c2", ConsentChannel.SMS, false, "2026-05-01T00:00:00Z")).memberId();
        record(consent("c1", ConsentChannel.SMS, true, "2026-04-01T00:00:00Z")); // older, arrives later
        record(consent("c3", ConsentChannel.WECHAT, true, "2026-04-15T00:00:00Z"));

        assertThat(history.consents(brand, member)).containsExactly(
                new ConsentView(ConsentPurpose.MARKETING, ConsentChannel.SMS, false, at("2026-05-01T00:00:00Z"), "c2"),
                new ConsentView(ConsentPurpose.MARKETING, ConsentChannel.WECHAT, true, at("2026-04-15T00:00:00Z"),
                        "c3"));
    }

    @Test
    void erasureEndsRelationshipsAndDropsFreeText() {
        long member = record(new NewEvent("r1", "CONNECT", OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                List.of(ALICE), Field.EXCLUSIVE_CS, null, null, null, null, null, null,
                Map.of("note", "prefers calls after 6pm"))).memberId();
        Instant before = Instant.now();

        members.erase(brand, member);

        // The erased person's history is only reachable by SQL now; the API refuses the id.
        assertThatThrownBy(() -> history.relationships(brand, member))
                .isInstanceOf(org.privatedomain.cdp.core.member.MemberErasedException.class);
        assertThat(jdbcRelationships(member)).singleElement().satisfies(interval -> {
            assertThat(interval.connectedAt()).isEqualTo(at("2026-01-01T00:00:00Z"));
            assertThat(interval.disconnectedAt()).isBetween(before, Instant.now());
        });
        assertThat(jdbc.sql("select count(*) from core.event where properties is not null and member_id = ?")
                .param(member).query(Long.class).single()).isZero();
    }

    @Test
    void eventsMissingWhatTheirTypeNeedsAreRefused() {
        assertThatThrownBy(() -> record(new NewEvent("v1", "VISIT", OffsetDateTime.now(), List.of(ALICE), null,
                null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> record(new NewEvent("c1", "CONSENT", OffsetDateTime.now(), List.of(ALICE), null,
                null, null, null, ConsentPurpose.MARKETING, ConsentChannel.SMS, null, null)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("granted");
        assertThat(record(new NewEvent("k1", "LIVE_GIFT_SENT", OffsetDateTime.now(), List.of(ALICE), null, null,
                null, null, null, null, null, Map.of("gift", "rocket", "value", 520))).duplicate()).isFalse();
    }

    @Test
    void theTimelineIsPagedNewestFirst() {
        long member = 0;
        for (int day = 1; day <= 5; day++) {
            member = record(new NewEvent("t" + day, "VISIT", OffsetDateTime.parse("2026-06-0" + day + "T00:00:00Z"),
                    List.of(ALICE), Field.MINI_PROGRAM, null, null, null, null, null, null, null)).memberId();
        }

        TimelinePage first = history.timeline(brand, member, null, 2);
        TimelinePage second = history.timeline(brand, member, first.next(), 2);
        TimelinePage third = history.timeline(brand, member, second.next(), 2);

        assertThat(first.items()).extracting(TimelineEntry::id).containsExactly("t5", "t4");
        assertThat(second.items()).extracting(TimelineEntry::id).containsExactly("t3", "t2");
        assertThat(third.items()).extracting(TimelineEntry::id).containsExactly("t1");
        assertThat(third.next()).isNull();
        long id = member;
        assertThatThrownBy(() -> history.timeline(brand, id, "garbage", 2))
                .isInstanceOf(org.privatedomain.cdp.core.error.InvalidInputException.class);
    }

    private List<RelationshipView> jdbcRelationships(long member) {
        return jdbc.sql("select field, connected_at, disconnected_at from core.relationship where member_id = ?")
                .param(member)
                .query((rs, row) -> new RelationshipView(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class) == null ? null
                                : rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private RecordedEvent record(NewEvent event) {
        return events.record(brand, event);
    }

    private long recordAll(List<NewEvent> stream) {
        long member = 0;
        for (NewEvent event : stream) {
            member = record(event).memberId();
        }
        return member;
    }

    private static NewEvent connect(String id, Identity who, Field field, String at) {
        return new NewEvent(id, "CONNECT", OffsetDateTime.parse(at), List.of(who), field, null, null, null, null,
                null, null, null);
    }

    private static NewEvent disconnect(String id, Identity who, Field field, String at) {
        return new NewEvent(id, "DISCONNECT", OffsetDateTime.parse(at), List.of(who), field, null, null, null, null,
                null, null, null);
    }

    private static NewEvent membership(String id, Identity who, String type, String at) {
        return new NewEvent(id, type, OffsetDateTime.parse(at), List.of(who), null, null, null, null, null, null,
                null, null);
    }

    private static NewEvent consent(String id, ConsentChannel channel, boolean granted, String at) {
        return new NewEvent(id, "CONSENT", OffsetDateTime.parse(at), List.of(ALICE), null, null, null, null,
                ConsentPurpose.MARKETING, channel, granted, null);
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
