package org.privatedomain.cdp.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.change.FactChanges.Touched;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.core.order.Referral;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** The journal names the persons each write touched, so that per-person results recompute those alone. */
@SpringBootTest
@Import(TestDatabase.class)
class FactChangesTests {

    private static final Identity BUYER = new Identity(IdentityType.MEMBER_NO, "buyer");
    private static final Identity SHARER = new Identity(IdentityType.MEMBER_NO, "sharer");
    private static final Identity OWNER = new Identity(IdentityType.MEMBER_NO, "owner");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @Autowired
    FactChanges changes;

    @Autowired
    BrandService brands;

    @Autowired
    OrderService orders;

    @Autowired
    EventService events;

    @Autowired
    TransactionTemplate transactions;

    String brand;
    long brandId;

    @BeforeEach
    void newBrand() {
        brand = TestBrands.create(brands);
        brandId = brands.context(brand).id();
    }

    @Test
    void anOrderTouchesItsBuyerAndTheSharerItNames() {
        String before = snapshot();
        long buyer = orders.record(brand, order("o1", new Referral("s1", SHARER))).memberId();
        long sharer = events.record(brand, share("e0", SHARER, "s0")).memberId();

        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER).persons())
                .containsExactlyInAnyOrder(buyer, sharer);
        assertThat(changes.personsTouchedSince(brandId, before, LATER, 1, FactKind.ORDER))
                .isEqualTo(Touched.TOO_MANY);
        assertThat(changes.personsTouchedSince(brandId, before, Instant.parse("2026-03-01T00:00:00Z"), 10,
                FactKind.ORDER).nobody()).as("nothing dated before March").isTrue();
        assertThat(changes.personsTouchedSince(brandId, snapshot(), LATER, 10, FactKind.values()).nobody())
                .as("nothing written since").isTrue();
    }

    @Test
    void aShareKnownLateTouchesItsOwnerAndTheSharerItsOrdersCreditedBefore() {
        orders.record(brand, order("o1", new Referral("s1", SHARER)));
        long sharer = events.record(brand, share("e0", SHARER, "s0")).memberId();
        String before = snapshot();

        long owner = events.record(brand, share("e1", OWNER, "s1")).memberId();

        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.EVENT).persons())
                .containsExactlyInAnyOrder(owner, sharer);
        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER).nobody()).isTrue();
    }

    @Test
    void anOrderThroughAKnownShareTouchesTheShareOwner() {
        long owner = events.record(brand, share("e1", OWNER, "s1")).memberId();
        String before = snapshot();

        long buyer = orders.record(brand, order("o1", new Referral("s1", null))).memberId();

        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER).persons())
                .containsExactlyInAnyOrder(buyer, owner);
    }

    @Test
    void aSnapshotOlderThanThePrunedJournalCountsAsTouchedByEverything() {
        String before = snapshot();
        long buyer = orders.record(brand, order("o1", null)).memberId();
        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER).persons())
                .containsExactly(buyer);
        assertThat(changes.prune(Duration.ofDays(7))).as("nothing that old").isZero();
        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER).persons())
                .containsExactly(buyer);

        assertThat(changes.prune(Duration.ZERO)).isPositive();

        // the row naming the buyer is gone: the snapshot before it can no longer be told what it missed
        assertThat(changes.personsTouchedSince(brandId, before, LATER, 10, FactKind.ORDER))
                .isEqualTo(Touched.TOO_MANY);
        assertThat(changes.touchedSince(brandId, before, LATER, FactKind.EVENT)).isTrue();
        assertThat(changes.personsTouchedSince(brandId, snapshot(), LATER, 10, FactKind.values()).nobody())
                .as("a snapshot taken after the pruning").isTrue();
    }

    private String snapshot() {
        return transactions.execute(status -> changes.snapshot());
    }

    private static NewOrder order(String id, Referral referral) {
        return new NewOrder(id, List.of(BUYER), OffsetDateTime.parse("2026-03-02T10:00:00+08:00"),
                new BigDecimal("10.00"), OrderStatus.PAID, null, null, referral, null);
    }

    private static NewEvent share(String id, Identity who, String shareId) {
        return new NewEvent(id, "SHARE", OffsetDateTime.parse("2026-03-01T10:00:00+08:00"), List.of(who), null,
                shareId, null, null, null, null, null, null);
    }
}
