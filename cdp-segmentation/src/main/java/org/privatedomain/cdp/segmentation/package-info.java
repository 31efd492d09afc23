/**
 * Segmentation: RFM scores and segments, the FAST+ relationship tiers per period, rule-based segments and the
 * crowd matrix. Depends on core.
 */
@ApplicationModule(displayName = "Segmentation", allowedDependencies = {"core :: *"})
package org.privatedomain.cdp.segmentation;

import org.springframework.modulith.ApplicationModule;
