package org.privatedomain.cdp.segmentation.crowd;

import java.math.BigDecimal;
import org.privatedomain.cdp.segmentation.tier.Tier;

/**
 * One cell of the crowd matrix: its persons, their own GMV and propagation GMV in the period (net of refunds,
 * qualifying orders only), and the average value of their own orders (null without orders).
 */
public record CrowdCell(Tier tier, ValueBand value, PropagationBand propagation, long persons, BigDecimal ownGmv,
        BigDecimal propagationGmv, BigDecimal averageOrderValue) {
}
