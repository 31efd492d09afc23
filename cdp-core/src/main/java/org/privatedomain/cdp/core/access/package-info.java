/** API keys: the platform administrator key and brand keys with their roles. */
@NamedInterface("access")
package org.privatedomain.cdp.core.access;

import org.springframework.modulith.NamedInterface;
