/**
 * The FAST+ relationship tiers per person per period, computed set-based in SQL and kept as snapshots that are
 * recomputed when late data touches their period; transitions between consecutive periods.
 */
@NamedInterface("tier")
package org.privatedomain.cdp.segmentation.tier;

import org.springframework.modulith.NamedInterface;
