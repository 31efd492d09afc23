/**
 * What changed in a brand's facts since a result was computed: results remember the database snapshot they read,
 * and the journal that triggers keep on orders, events and erasures says whether a later write touched their time.
 */
@NamedInterface("change")
package org.privatedomain.cdp.core.change;

import org.springframework.modulith.NamedInterface;
