package org.privatedomain.cdp.segmentation.tier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The FAST+ tiers of fast-plus.md: persons per tier in a period, the transition matrix from the previous period,
 * and one person's tiers. Brand-wide figures come from period snapshots kept fresh by {@link TierSnapshots}; a
 * single person's tiers are computed on the spot from their own rows.
 */
@Service
public class TierService {

    /** How far back a person's tier history reaches, in periods. */
    public static final int MAX_HISTORY = 36;

    private final BrandService brands;
    private final MemberService members;
    private final TierSnapshots snapshots;
    private final PurchaseHistories purchases;
    private final JdbcClient jdbc;
    private final Clock clock;

    TierService(BrandService brands, MemberService members, TierSnapshots snapshots, PurchaseHistories purchases,
            JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.snapshots = snapshots;
        this.purchases = purchases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The period with that id, or the current one for null. */
    public Period period(String brandCode, String periodId) {
        return period(PeriodCalendar.of(brands.settings(brandCode)), periodId);
    }

    /** Makes the period's snapshot (the current period's for null) fresh, for queries that join it; answers it. */
    public Period ensureFresh(String brandCode, String periodId) {
        BrandContext brand = brands.context(brandCode);
        Period period = period(PeriodCalendar.of(brand.settings()), periodId);
        fresh(brand, period);
        return period;
    }

    /** Persons per tier in the period (the current one for null). */
    public TierDistribution distribution(String brandCode, String periodId) {
        BrandContext brand = brands.context(brandCode);
        Period period = period(PeriodCalendar.of(brand.settings()), periodId);
        TierSnapshots.Stored stored = fresh(brand, period);
        Map<Tier, Long> persons = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            persons.put(tier, 0L);
        }
        long[] aboveNone = {0};
        long[] purchasingNonMembers = {0};
        jdbc.sql("""
                        select tier, count(*), count(*) filter (where purchasing_non_member)
                          from segmentation.tier_snapshot
                         where brand_id = :brand and period_id = :period
                         group by tier
                        """)
                .param("brand", brand.id()).param("period", period.id())
                .query(rs -> {
                    if (rs.getInt(1) > 0) {
                        persons.put(Tier.ofRank(rs.getInt(1)), rs.getLong(2));
                        aboveNone[0] += rs.getLong(2);
                    }
                    purchasingNonMembers[0] += rs.getLong(3);
                });
        persons.put(Tier.NONE, stored.persons() - aboveNone[0]);
        return new TierDistribution(period.id(), period.start(), period.end(), stored.computedAt(), persons,
                purchasingNonMembers[0]);
    }

    /** The 6 x 6 matrix of persons from their tier in the previous period to their tier in this one. */
    public TierTransitions transitions(String brandCode, String periodId) {
        BrandContext brand = brands.context(brandCode);
        PeriodCalendar calendar = PeriodCalendar.of(brand.settings());
        Period period = period(calendar, periodId);
        Period previous = calendar.previous(period);
        fresh(brand, previous);
        TierSnapshots.Stored stored = fresh(brand, period);
        int size = Tier.values().length;
        long[][] counts = new long[size][size];
        long[] moved = {0};
        jdbc.sql("""
                        select coalesce(a.tier, 0), coalesce(b.tier, 0), count(*)
                          from (select member_id, tier from segmentation.tier_snapshot
                                 where brand_id = :brand and period_id = :previous and tier > 0) a
                          full join (select member_id, tier from segmentation.tier_snapshot
                                      where brand_id = :brand and period_id = :period and tier > 0) b
                            on b.member_id = a.member_id
                         group by 1, 2
                        """)
                .param("brand", brand.id()).param("previous", previous.id()).param("period", period.id())
                .query(rs -> {
                    counts[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
                    moved[0] += rs.getLong(3);
                });
        // Persons in neither period's tiers: everyone of the brand in either period, less those above.
        long persons = snapshots.persons(brand.id(), previous);
        counts[0][0] = persons - moved[0];
        return new TierTransitions(previous.id(), period.id(), stored.computedAt(), counts);
    }

    /** The person's tier in each of the last {@code periods} periods up to the current one, newest first. */
    public List<MemberTier> history(String brandCode, long memberId, int periods) {
        if (periods < 1 || periods > MAX_HISTORY) {
            throw new InvalidInputException("invalid-parameter",
                    "periods must be between 1 and " + MAX_HISTORY + ".");
        }
        members.requireLive(brandCode, memberId);
        BrandContext brand = brands.context(brandCode);
        PeriodCalendar calendar = PeriodCalendar.of(brand.settings());
        Period period = calendar.containing(clock.instant());
        List<MemberTier> history = new ArrayList<>(periods);
        for (int i = 0; i < periods; i++) {
            history.add(of(brand, period, memberId));
            period = calendar.previous(period);
        }
        return history;
    }

    /** The person's tier in the period (the current one for null). */
    public MemberTier of(String brandCode, long memberId, String periodId) {
        members.requireLive(brandCode, memberId);
        BrandContext brand = brands.context(brandCode);
        return of(brand, period(PeriodCalendar.of(brand.settings()), periodId), memberId);
    }

    private MemberTier of(BrandContext brand, Period period, long memberId) {
        return jdbc.sql(TierQuery.SOME)
                .params(TierQuery.params(brand, period, new Long[] {memberId}))
                .query((rs, row) -> new MemberTier(period.id(), Tier.ofRank(rs.getInt(2)), rs.getInt(3),
                        rs.getInt(4), rs.getBoolean(5)))
                .optional().orElse(new MemberTier(period.id(), Tier.NONE, 0, 0, false));
    }

    /**
     * The period's snapshot made fresh, the brand's purchase histories (when it keeps them) brought up to date
     * first, so that a whole computation can read its purchase days from them.
     */
    private TierSnapshots.Stored fresh(BrandContext brand, Period period) {
        purchases.refreshIfIncremental(brand);
        return snapshots.ensureFresh(brand, period);
    }

    private Period period(PeriodCalendar calendar, String periodId) {
        return periodId == null || periodId.isBlank() ? calendar.containing(clock.instant()) : calendar.parse(periodId);
    }
}
