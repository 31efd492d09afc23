package org.privatedomain.cdp.segmentation.crowd;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.order.Referrals;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.segmentation.rfm.RfmReport;
import org.privatedomain.cdp.segmentation.rfm.RfmService;

/**
 * Every person's crowd-matrix coordinates in a period, from the period's tier snapshot, the RFM run's monetary cut
 * points and the period's qualifying orders: tier, value band, propagation band, own GMV and orders, propagation
 * GMV. Persons without a tier row, a purchase or a propagation are in (NONE, NONE, NONE) and not listed.
 */
final class CrowdQuery {

    static final String PERSONS = """
            with own as (
                select member_id, sum(amount - refunded_amount) as gmv, count(*) as orders
                  from core.orders
                 where brand_id = :brand and paid_at >= :start and paid_at < :end
                   and status in ('PAID', 'PARTIALLY_REFUNDED') and amount - refunded_amount > :minAmount
                 group by member_id
            ), referred as (
                select %1$s as referrer,
                       o.member_id as buyer, o.amount - o.refunded_amount as net
                  from core.orders o
                 where o.brand_id = :brand and o.paid_at >= :start and o.paid_at < :end
                   and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.amount - o.refunded_amount > :minAmount
                   and (o.referral_share_id is not null or o.referral_member_id is not null)
            ), propagation as (
                select referrer as member_id, sum(net) as gmv
                  from referred where referrer <> buyer
                 group by referrer
            ), median as (
                select percentile_cont(0.5) within group (order by gmv) as gmv from propagation
            ), monetary as (
                select member_id, monetary as m from (%2$s) scored
            ), persons as (
                select member_id from segmentation.tier_snapshot
                 where brand_id = :brand and period_id = :period and tier > 0
                union select member_id from own
                union select member_id from propagation
                union select member_id from monetary
            )
            select p.member_id,
                   coalesce(t.tier, 0) as tier,
                   case when m.m is null then 'NONE'
                        else case 1 + (m.m > c[1])::int + (m.m > c[2])::int + (m.m > c[3])::int + (m.m > c[4])::int
                                  when 1 then 'LOW' when 2 then 'LOW' when 3 then 'MID' else 'HIGH' end
                   end as value_band,
                   case when pr.gmv is null then 'NONE' when pr.gmv < (select gmv from median) then 'SOME'
                        else 'HIGH' end as propagation_band,
                   coalesce(o.gmv, 0) as own_gmv, coalesce(o.orders, 0) as own_orders,
                   coalesce(pr.gmv, 0) as propagation_gmv,
                   (select gmv from median) as propagation_median
              from persons p
              cross join (select cast(cast(:monetaryCuts as text[]) as numeric[]) as c) cuts
              left join segmentation.tier_snapshot t
                     on t.brand_id = :brand and t.period_id = :period and t.member_id = p.member_id
              left join own o on o.member_id = p.member_id
              left join propagation pr on pr.member_id = p.member_id
              left join monetary m on m.member_id = p.member_id
             where not exists (select 1 from core.member x
                                where x.brand_id = :brand and x.id = p.member_id
                                  and x.erased_at is not null and x.erased_at < :at)
               or t.member_id is not null
            """.formatted(Referrals.creditedMember("o"), RfmService.MONETARY);

    private CrowdQuery() {
    }

    static Map<String, Object> params(BrandContext brand, Period period, RfmReport rfm) {
        Map<String, Object> params = new HashMap<>();
        params.put("brand", brand.id());
        params.put("period", period.id());
        params.put("start", Timestamp.from(period.start()));
        params.put("end", Timestamp.from(period.end()));
        params.put("at", Timestamp.from(rfm.at()));
        params.put("from", Timestamp.from(rfm.windowStart()));
        params.put("minAmount", brand.settings().tiers().minQualifyingAmount());
        List<BigDecimal> cuts = rfm.scale().monetaryCuts();
        // Nobody scored: no cut points, and nobody has a monetary value either.
        params.put("monetaryCuts", cuts.stream().map(BigDecimal::toPlainString).toArray(String[]::new));
        return params;
    }
}
