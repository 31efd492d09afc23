package org.privatedomain.cdp.campaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.privatedomain.cdp.campaign.campaign.CampaignService;
import org.privatedomain.cdp.campaign.campaign.CampaignView;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Computes a campaign's report from its audience, outbox, receipts and the brand's orders, set-based. */
@Service
public class CampaignReportService {

    private final CampaignService campaigns;
    private final CampaignSettingsService settings;
    private final BrandService brands;
    private final TierService tiers;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignReportService(CampaignService campaigns, CampaignSettingsService settings, BrandService brands,
            TierService tiers, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.brands = brands;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CampaignReport report(String brandCode, long campaignId) {
        CampaignView campaign = campaigns.get(brandCode, campaignId);
        BrandContext brand = brands.context(brandCode);
        Map<String, Object> params = Map.of("brand", brand.id(), "campaign", campaignId,
                "days", campaign.attributionDays());
        CampaignReport.AudienceCounts audience = jdbc.sql("""
                        select count(*), count(*) filter (where holdout = 'CAMPAIGN'),
                               count(*) filter (where holdout = 'BRAND'),
                               count(*) filter (where holdout is null and excluded = 'NO_CONSENT'),
                               count(*) filter (where holdout is null and excluded = 'CAPPED'),
                               count(*) filter (where holdout is null and excluded = 'NO_COUPON')
                          from campaign.audience_member where brand_id = :brand and campaign_id = :campaign
                        """)
                .params(params)
                .query((rs, row) -> new CampaignReport.AudienceCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
        CampaignReport.Delivery delivery = jdbc.sql("""
                        select count(*), count(*) filter (where m.state in ('PENDING', 'SENDING')),
                               count(*) filter (where m.state = 'SENT'),
                               count(*) filter (where r.statuses @> array['DELIVERED']::varchar[]),
                               count(*) filter (where m.state = 'FAILED' or r.statuses @> array['FAILED']::varchar[]),
                               count(*) filter (where r.statuses @> array['OPENED']::varchar[]),
                               count(*) filter (where r.statuses @> array['CLICKED']::varchar[]),
                               count(*) filter (where m.skip_reason = 'NO_CONSENT'),
                               count(*) filter (where m.skip_reason = 'CAPPED'),
                               count(*) filter (where m.skip_reason = 'CANCELLED'),
                               count(*) filter (where m.skip_reason = 'ERASED')
                          from campaign.message m
                          cross join lateral (select array_agg(status) as statuses from campaign.receipt r
                                               where r.brand_id = m.brand_id and r.message_id = m.id) r
                         where m.brand_id = :brand and m.campaign_id = :campaign
                        """)
                .params(params)
                .query((rs, row) -> new CampaignReport.Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11)))
                .single();
        Map<String, CampaignReport.Group> groups = new HashMap<>();
        jdbc.sql("""
                        with unit as (
                            select 'T' as grp, member_id, sent_at as since from campaign.message
                             where brand_id = :brand and campaign_id = :campaign and state = 'SENT'
                            union all
                            select 'H', member_id, entered_at from campaign.audience_member
                             where brand_id = :brand and campaign_id = :campaign
                               and holdout is not null and excluded is null)
                        select u.grp, count(*), count(*) filter (where o.orders > 0), sum(o.orders), sum(o.gmv)
                          from unit u
                          cross join lateral (
                              select count(*) as orders, coalesce(sum(amount - refunded_amount), 0) as gmv
                                from core.orders
                               where brand_id = :brand and member_id = u.member_id
                                 and paid_at >= u.since and paid_at < u.since + make_interval(days => :days)
                                 and status in ('PAID', 'PARTIALLY_REFUNDED') and amount - refunded_amount > 0) o
                         group by u.grp
                        """)
                .params(params)
                .query(rs -> {
                    long persons = rs.getLong(2);
                    long converted = rs.getLong(3);
                    groups.put(rs.getString(1), new CampaignReport.Group(persons, converted,
                            persons == 0 ? null : (double) converted / persons, rs.getLong(4),
                            rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)));
                });
        CampaignReport.Group none = new CampaignReport.Group(0, 0, null, 0, BigDecimal.ZERO.setScale(2));
        CampaignReport.Group treatment = groups.getOrDefault("T", none);
        CampaignReport.Group holdout = groups.getOrDefault("H", none);
        Uplift uplift = UpliftStatistics.of(treatment.persons(), treatment.converted(), holdout.persons(),
                holdout.converted());
        BigDecimal incremental = treatment.persons() == 0 || holdout.persons() == 0 ? null
                : perPerson(treatment).subtract(perPerson(holdout))
                        .multiply(BigDecimal.valueOf(treatment.persons())).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = settings.view(brand.id()).costPerMessage().multiply(BigDecimal.valueOf(delivery.sent()))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal roi = incremental == null || cost.signum() == 0 ? null
                : incremental.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
        return new CampaignReport(campaignId, campaign.state(), campaign.launchedAt(), campaign.attributionDays(),
                audience, delivery, treatment, holdout, uplift, incremental, cost, roi,
                campaign.launchedAt() == null ? null : tierMovements(brand, campaign, params));
    }

    private static BigDecimal perPerson(CampaignReport.Group group) {
        return group.gmv().divide(BigDecimal.valueOf(group.persons()), 10, RoundingMode.HALF_UP);
    }

    private CampaignReport.TierMovements tierMovements(BrandContext brand, CampaignView campaign,
            Map<String, Object> params) {
        PeriodCalendar calendar = PeriodCalendar.of(brand.settings());
        Period from = calendar.previous(calendar.containing(campaign.launchedAt()));
        Instant windowEnd = campaign.launchedAt().plus(Duration.ofDays(campaign.attributionDays()));
        Period to = calendar.containing(windowEnd.isBefore(clock.instant()) ? windowEnd : clock.instant());
        // Brings both periods' snapshots up to date before they are read.
        tiers.distribution(brand.code(), from.id());
        tiers.distribution(brand.code(), to.id());
        Map<String, Object> all = new HashMap<>(params);
        all.put("from", from.id());
        all.put("to", to.id());
        Map<String, CampaignReport.Movement> moves = new HashMap<>();
        jdbc.sql("""
                        with person as (
                            select distinct 'T' as grp, member_id from campaign.message
                             where brand_id = :brand and campaign_id = :campaign and state = 'SENT'
                            union
                            select distinct 'H', member_id from campaign.audience_member
                             where brand_id = :brand and campaign_id = :campaign
                               and holdout is not null and excluded is null)
                        select p.grp,
                               count(*) filter (where coalesce(b.tier, 0) > coalesce(a.tier, 0)),
                               count(*) filter (where coalesce(b.tier, 0) = coalesce(a.tier, 0)),
                               count(*) filter (where coalesce(b.tier, 0) < coalesce(a.tier, 0))
                          from person p
                          left join lateral (select tier from segmentation.tier_snapshot
                                              where brand_id = :brand and period_id = :from
                                                and member_id = p.member_id limit 1) a on true
                          left join lateral (select tier from segmentation.tier_snapshot
                                              where brand_id = :brand and period_id = :to
                                                and member_id = p.member_id limit 1) b on true
                         group by p.grp
                        """)
                .params(all)
                .query(rs -> {
                    moves.put(rs.getString(1),
                            new CampaignReport.Movement(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        CampaignReport.Movement none = new CampaignReport.Movement(0, 0, 0);
        return new CampaignReport.TierMovements(from.id(), to.id(), moves.getOrDefault("T", none),
                moves.getOrDefault("H", none));
    }
}
