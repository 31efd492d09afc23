/**
 * Metrics: the FAST+ indicators (Capital, Conversion, Connection, CLV) and the classic KPIs. Depends on core and on segmentation for tiers.
 */
@ApplicationModule(displayName = "Metrics", allowedDependencies = {"core :: *", "segmentation :: *"})
package org.privatedomain.cdp.metrics;

import org.springframework.modulith.ApplicationModule;
