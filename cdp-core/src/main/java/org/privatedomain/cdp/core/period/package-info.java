/** Reporting periods (fast-plus.md, "Time"): months, ISO weeks or quarters in the brand's timezone. */
@NamedInterface("period")
package org.privatedomain.cdp.core.period;

import org.springframework.modulith.NamedInterface;
