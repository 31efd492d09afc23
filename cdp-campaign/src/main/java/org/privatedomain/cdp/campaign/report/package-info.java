/** The campaign report: delivery, conversion of receivers against the holdout, uplift, GMV, cost and tiers. */
@NamedInterface("report")
package org.privatedomain.cdp.campaign.report;

import org.springframework.modulith.NamedInterface;
