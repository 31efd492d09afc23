/**
 * Campaigns: audiences from segments, holdouts, consent and frequency caps, delivery through channel adapters, measured uplift. Depends on segmentation and core.
 */
@ApplicationModule(displayName = "Campaigns", allowedDependencies = {"core :: *", "segmentation :: *"})
package org.privatedomain.cdp.campaign;

import org.springframework.modulith.ApplicationModule;
