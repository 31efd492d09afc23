package org.privatedomain.cdp.segmentation.segment;

import java.util.function.Function;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.segmentation.crowd.CrowdMatrixService;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.privatedomain.cdp.segmentation.rfm.RfmService;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.stereotype.Component;

/**
 * The computed facts rules may name, made fresh when a rule is compiled: the purchase histories, a period's tiers,
 * the RFM run of today, a period's crowd matrix. Each is computed in a transaction of its own, before the rule's query runs.
 */
@Component
class SegmentFacts {

    private final PurchaseHistories purchases;
    private final TierService tiers;
    private final RfmService rfm;
    private final CrowdMatrixService crowd;

    SegmentFacts(PurchaseHistories purchases, TierService tiers, RfmService rfm, CrowdMatrixService crowd) {
        this.purchases = purchases;
        this.tiers = tiers;
        this.rfm = rfm;
        this.crowd = crowd;
    }

    /** Brings the brand's purchase histories up to date; false when another caller is refreshing them. */
    boolean freshPurchaseHistories(BrandContext brand) {
        return purchases.ensureFresh(brand);
    }

    /** The id of the period (the current one for null) whose tier snapshot is now fresh. */
    String tierPeriod(String brandCode, String periodId) {
        return tiers.ensureFresh(brandCode, periodId).id();
    }

    /** {@code member_id, r_score, f_score, m_score, segment} of every person scored today. */
    String rfmScores(String brandCode, Function<Object, String> bind) {
        return rfm.scoredSql(brandCode, bind);
    }

    /** {@code member_id, tier, value_band, propagation_band} of the persons listed in the period's matrix. */
    String crowdCells(String brandCode, String periodId, Function<Object, String> bind) {
        return crowd.personsSql(brandCode, periodId, bind);
    }
}
