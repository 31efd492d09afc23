/** Brands (tenants) and their settings: timezone, period type, RFM and tier rules. */
@NamedInterface("brand")
package org.privatedomain.cdp.core.brand;

import org.springframework.modulith.NamedInterface;
