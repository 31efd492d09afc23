/** Protection of personal data: the key that encrypts it at rest. */
@NamedInterface("privacy")
package org.privatedomain.cdp.core.privacy;

import org.springframework.modulith.NamedInterface;
