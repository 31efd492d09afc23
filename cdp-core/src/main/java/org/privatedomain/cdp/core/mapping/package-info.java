/** The one MapStruct configuration every mapper of every module uses. */
@NamedInterface("mapping")
package org.privatedomain.cdp.core.mapping;

import org.springframework.modulith.NamedInterface;
