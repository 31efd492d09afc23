/** Protection of personal data: encryption at rest, keyed lookup, masking. */
@NamedInterface("privacy")
package org.privatedomain.cdp.core.privacy;

import org.springframework.modulith.NamedInterface;
