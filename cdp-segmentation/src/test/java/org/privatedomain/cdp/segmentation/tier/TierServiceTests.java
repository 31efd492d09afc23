package org.privatedomain.cdp.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privatedomain.cdp.segmentation.Facts.person;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.change.FactChanges;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.TierSettings;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.core.order.Referral;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tier rules of fast-plus.md on a hand-made brand (Asia/Shanghai, monthly periods). Each person's expected
 * tier in 2026-10 is worked out in the comment beside their facts.
 */
@SpringBootTest
@Import(TestDatabase.class)
class TierServiceTests {

    @Autowired
    Facts facts;

    @Autowired
    TierService tiers;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FactChanges changes;

    @Autowired
    PurchaseHistories purchases;

    String brand;

    @BeforeEach
    void scenario() {
        brand = facts.brand();
        // A: member since September, two orders on one local day -> one purchase day: PURCHASED_MEMBER.
        facts.join(brand, "A", "2026-09-15T10:00");
        facts.buy(brand, "A", "2026-10-03T09:00", "100.00");
        facts.buy(brand, "A", "2026-10-03T21:00", "50.00");
        // B: member, buys on two days, and C buys naming B as sharer -> KOC. In September: MEMBER.
        facts.join(brand, "B", "2026-09-01T10:00");
        facts.buy(brand, "B", "2026-10-05T10:00", "80.00");
        facts.buy(brand, "B", "2026-10-20T10:00", "80.00");
        // C: no membership, follows the group chat, buys (referred by B): BASIC, purchasing non-member.
        facts.connect(brand, "C", Field.GROUP_CHAT, "2026-09-01T10:00");
        facts.buyReferred(brand, "C", "2026-10-21T10:00", "120.00", null, "B");
        // D: buys on 10-05, joins on 10-10, buys on 10-12: one day as a member -> PURCHASED_MEMBER, and flagged.
        facts.buy(brand, "D", "2026-10-05T10:00", "60.00");
        facts.join(brand, "D", "2026-10-10T10:00");
        facts.buy(brand, "D", "2026-10-12T10:00", "60.00");
        // E: leaves at the very start of October: member in September only -> NONE in October.
        facts.join(brand, "E", "2026-08-01T10:00");
        facts.leave(brand, "E", "2026-10-01T00:00");
        // F: member; 10-02 and 23:59:59 on 10-31 (local) are October, 00:00 on 11-01 is November -> REPEAT_MEMBER.
        facts.join(brand, "F", "2026-09-01T10:00");
        facts.buy(brand, "F", "2026-10-02T10:00", "30.00");
        facts.buy(brand, "F", "2026-10-31T23:59:59", "30.00");
        facts.buy(brand, "F", "2026-11-01T00:00", "30.00");
        // G: member; the second day's order is refunded in full (arriving later) -> one day: PURCHASED_MEMBER.
        facts.join(brand, "G", "2026-09-01T10:00");
        facts.buy(brand, "G", "2026-10-04T10:00", "40.00");
        String refunded = facts.buy(brand, "G", "2026-10-06T10:00", "40.00");
        facts.order(brand, refunded, "G", "2026-10-06T10:00", "40.00", OrderStatus.REFUNDED, null, null);
        // H: member, two days, buys through the share H made: no propagation by oneself -> REPEAT_MEMBER.
        facts.join(brand, "H", "2026-09-01T10:00");
        facts.buy(brand, "H", "2026-10-07T10:00", "20.00");
        facts.share(brand, "H", "share-h", "2026-10-07T11:00");
        facts.buyReferred(brand, "H", "2026-10-08T10:00", "20.00", "share-h", null);
        // I: member, two days, J buys through I's share, partly refunded but net above 0 -> KOC.
        facts.join(brand, "I", "2026-09-01T10:00");
        facts.buy(brand, "I", "2026-10-11T10:00", "20.00");
        facts.buy(brand, "I", "2026-10-12T10:00", "20.00");
        facts.share(brand, "I", "share-i", "2026-10-12T11:00");
        facts.order(brand, "j1", "J", "2026-10-13T10:00", "99.00", OrderStatus.PARTIALLY_REFUNDED, "49.00",
                new Referral("share-i", null));
        // K1 member buys 10-14; K2, a separate person with no relationship, buys 10-15. Then one profile links
        // them: K2 merges into K1, whose membership covers both days -> REPEAT_MEMBER.
        facts.join(brand, "K1", "2026-09-01T10:00");
        facts.buy(brand, "K1", "2026-10-14T10:00", "10.00");
        facts.buy(brand, "K2", "2026-10-15T10:00", "10.00");
        facts.link(brand, person("K1"), person("K2"));
        // M: member with a field, erased now (November 2026 or later): still counts in October -> MEMBER.
        facts.join(brand, "M", "2026-09-01T10:00");
        facts.connect(brand, "M", Field.STORE, "2026-09-01T10:00");
        facts.erase(brand, "M");
        // J bought but holds no relationship: NONE, purchasing non-member.
    }

    @Test
    void eachPersonGetsTheHighestTierThatApplies() {
        assertThat(tierOf("A").tier()).isEqualTo(Tier.PURCHASED_MEMBER);
        assertThat(tierOf("B")).isEqualTo(new MemberTier("2026-10", Tier.KOC, 2, 1, false));
        assertThat(tierOf("C")).isEqualTo(new MemberTier("2026-10", Tier.BASIC, 0, 0, true));
        assertThat(tierOf("D")).isEqualTo(new MemberTier("2026-10", Tier.PURCHASED_MEMBER, 1, 0, true));
        assertThat(tierOf("E").tier()).isEqualTo(Tier.NONE);
        assertThat(tierOf("F")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, false));
        assertThat(tierOf("G")).isEqualTo(new MemberTier("2026-10", Tier.PURCHASED_MEMBER, 1, 0, false));
        assertThat(tierOf("H")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, false));
        assertThat(tierOf("I")).isEqualTo(new MemberTier("2026-10", Tier.KOC, 2, 1, false));
        assertThat(tierOf("J")).isEqualTo(new MemberTier("2026-10", Tier.NONE, 0, 0, true));
        assertThat(tierOf("K2")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, false));
    }

    @Test
    void personsPerTierCountEveryoneOnceAndErasedPersonsInEarlierPeriods() {
        TierDistribution october = tiers.distribution(brand, "2026-10");

        // Persons: A B C D E F G H I J K(merged) M = 12. NONE: E, J.
        assertThat(october.persons()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Tier.NONE, 2L, Tier.BASIC, 1L, Tier.MEMBER, 1L, Tier.PURCHASED_MEMBER, 3L,
                Tier.REPEAT_MEMBER, 3L, Tier.KOC, 2L));
        // C, D and J bought outside membership.
        assertThat(october.purchasingNonMembers()).isEqualTo(3);
        assertThat(october.start()).isEqualTo(Facts.at("2026-10-01T00:00").toInstant());
    }

    @Test
    void theTransitionMatrixCountsEveryPersonFromSeptemberToOctober() {
        TierTransitions transitions = tiers.transitions(brand, "2026-10");

        // September: A, B, F, G, H, I, K1, M are MEMBER (no purchases); E MEMBER (left on 10-01 00:00);
        // C BASIC; D, J, K2 nothing. October as above.
        long[][] counts = transitions.counts();
        assertThat(transitions.from()).isEqualTo("2026-09");
        assertThat(counts[Tier.MEMBER.rank()][Tier.PURCHASED_MEMBER.rank()]).isEqualTo(2); // A, G
        assertThat(counts[Tier.MEMBER.rank()][Tier.REPEAT_MEMBER.rank()]).isEqualTo(3); // F, H, K
        assertThat(counts[Tier.MEMBER.rank()][Tier.KOC.rank()]).isEqualTo(2); // B, I
        assertThat(counts[Tier.MEMBER.rank()][Tier.MEMBER.rank()]).isEqualTo(1); // M
        assertThat(counts[Tier.MEMBER.rank()][Tier.NONE.rank()]).isEqualTo(1); // E
        assertThat(counts[Tier.BASIC.rank()][Tier.BASIC.rank()]).isEqualTo(1); // C
        assertThat(counts[Tier.NONE.rank()][Tier.PURCHASED_MEMBER.rank()]).isEqualTo(1); // D
        assertThat(counts[Tier.NONE.rank()][Tier.NONE.rank()]).isEqualTo(1); // J
        assertThat(transitions.upgraded()).isEqualTo(8);
        assertThat(transitions.downgraded()).isEqualTo(1);
    }

    @Test
    void aClosedPeriodIsRecomputedWhenLateDataTouchesItAndOnlyThen() {
        TierDistribution first = tiers.distribution(brand, "2026-10");
        facts.buy(brand, "A", "2026-11-02T10:00", "10.00"); // November: October untouched
        TierDistribution untouched = tiers.distribution(brand, "2026-10");
        assertThat(untouched.computedAt()).isEqualTo(first.computedAt());

        facts.buy(brand, "A", "2026-10-09T10:00", "10.00"); // late: A's second October day
        TierDistribution recomputed = tiers.distribution(brand, "2026-10");

        assertThat(recomputed.computedAt()).isAfter(first.computedAt());
        assertThat(recomputed.persons().get(Tier.REPEAT_MEMBER)).isEqualTo(4);
        assertThat(recomputed.persons().get(Tier.PURCHASED_MEMBER)).isEqualTo(2);
    }

    @Test
    void aPeriodFoundFreshOutlivesTheJournalItWasCheckedAgainst() {
        TierDistribution first = tiers.distribution(brand, "2026-10");
        facts.buy(brand, "A", "2026-11-02T10:00", "10.00"); // November: October untouched
        assertThat(tiers.distribution(brand, "2026-10").computedAt()).isEqualTo(first.computedAt());

        changes.prune(Duration.ZERO); // the November order's row goes, with every other

        // checked fresh after that order, the period needs nothing the pruning took
        assertThat(tiers.distribution(brand, "2026-10").computedAt()).isEqualTo(first.computedAt());
        facts.buy(brand, "A", "2026-10-09T10:00", "10.00"); // late: A's second October day
        assertThat(tiers.distribution(brand, "2026-10").persons().get(Tier.REPEAT_MEMBER)).isEqualTo(4);
    }

    @Test
    void lateWritesRecomputeOnlyThePersonsTheyTouchedAndGiveWhatAComputationFromNothingGives() {
        // P buys through a share nobody has claimed yet, naming F as the sharer: F is credited -> KOC.
        facts.buyReferred(brand, "P", "2026-10-16T10:00", "30.00", "share-p", "F");
        tiers.distribution(brand, "2026-10");
        assertThat(tierOf("F").tier()).isEqualTo(Tier.KOC);
        String untouchedRow = rowVersion("H");

        facts.share(brand, "G", "share-p", "2026-10-15T10:00"); // the share was G's: the credit moves F -> G
        facts.buy(brand, "D", "2026-10-25T10:00", "5.00"); // D's second day as a member -> REPEAT_MEMBER
        facts.link(brand, person("A"), person("J")); // J merges into A: A's days 10-03 and 10-13 -> REPEAT_MEMBER
        tiers.distribution(brand, "2026-10");

        assertThat(tierOf("F")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, false));
        assertThat(tierOf("G")).isEqualTo(new MemberTier("2026-10", Tier.PURCHASED_MEMBER, 1, 1, false));
        assertThat(tierOf("D")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, true));
        assertThat(tierOf("A")).isEqualTo(new MemberTier("2026-10", Tier.REPEAT_MEMBER, 2, 0, false));
        assertThat(rowVersion("H")).as("H's row, which no late write touched").isEqualTo(untouchedRow);
        List<String> incremental = snapshotRows();
        jdbc.sql("delete from segmentation.tier_period where brand_id = ?").param(facts.brandId(brand)).update();
        tiers.distribution(brand, "2026-10");
        assertThat(incremental).isEqualTo(snapshotRows());
    }

    @Test
    void purchaseDaysReadFromKeptHistoriesGiveTheSameTiers() {
        TierDistribution fromOrders = tiers.distribution(brand, "2026-10");
        List<String> rowsFromOrders = snapshotRows();
        assertThat(purchases.ensureFresh(brands.context(brand))).isTrue();
        forgetStoredPeriods();

        // D (joined mid-October) from D's orders, the others from their histories: the same rows
        assertThat(tiers.distribution(brand, "2026-10").persons()).isEqualTo(fromOrders.persons());
        assertThat(snapshotRows()).isEqualTo(rowsFromOrders);

        // and they are what was read: B, a member all through October, shown one day of the two
        jdbc.sql("""
                        update segmentation.purchase_history
                           set days = days[1:1], orders = orders[1:1], net_amounts = net_amounts[1:1]
                         where brand_id = ? and member_id = ?
                        """).param(facts.brandId(brand)).param(facts.memberId(brand, "B")).update();
        forgetStoredPeriods();
        assertThat(tiers.distribution(brand, "2026-10").persons().get(Tier.KOC))
                .isEqualTo(fromOrders.persons().get(Tier.KOC) - 1);
    }

    private void forgetStoredPeriods() {
        jdbc.sql("delete from segmentation.tier_period where brand_id = ?").param(facts.brandId(brand)).update();
    }

    /** The version of a person's stored October row (its transaction id): it changes whenever the row is written. */
    private String rowVersion(String person) {
        return jdbc.sql("""
                        select xmin::text from segmentation.tier_snapshot
                         where brand_id = ? and period_id = '2026-10' and member_id = ?
                        """).param(facts.brandId(brand)).param(facts.memberId(brand, person))
                .query(String.class).single();
    }

    private List<String> snapshotRows() {
        return jdbc.sql("""
                        select concat_ws(' ', member_id, tier, member_purchase_days, propagations, purchasing_non_member)
                          from segmentation.tier_snapshot where brand_id = ? and period_id = '2026-10'
                         order by member_id
                        """).param(facts.brandId(brand)).query(String.class).list();
    }

    @Test
    void aPositiveReviewOfOnesOwnPurchaseCountsAsPropagationWhenTheBrandSaysSo() {
        String order = facts.buy(brand, "F", "2026-10-03T10:00", "10.00");
        facts.review(brand, "F", order, 5, "2026-10-04T10:00");
        assertThat(tierOf("F").tier()).isEqualTo(Tier.REPEAT_MEMBER);

        BrandSettings settings = brands.settings(brand);
        brands.changeSettings(brand, new BrandSettings(settings.timezone(), settings.periodType(), settings.rfm(),
                new TierSettings(BigDecimal.ZERO, true), settings.capitalRequiresConsent(),
                settings.weakIdentityTypes()));

        assertThat(tierOf("F")).isEqualTo(new MemberTier("2026-10", Tier.KOC, 3, 1, false));
        assertThat(tiers.distribution(brand, "2026-10").persons().get(Tier.KOC)).isEqualTo(3);
    }

    @Test
    void aPeriodIdOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> tiers.distribution(brand, "2026-W42"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-10");
        assertThatThrownBy(() -> tiers.distribution(brand, "2026-13")).isInstanceOf(InvalidInputException.class);
    }

    private MemberTier tierOf(String person) {
        return tiers.of(brand, facts.memberId(brand, person), "2026-10");
    }
}
