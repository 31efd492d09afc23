/** What brand-wide computations over the facts (tiers, RFM, FAST+) share: the database settings they run with. */
@NamedInterface("analytics")
package org.privatedomain.cdp.core.analytics;

import org.springframework.modulith.NamedInterface;
