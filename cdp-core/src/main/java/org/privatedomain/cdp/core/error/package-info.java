/** Domain exceptions, free of web types; the API module turns them into RFC 9457 problems. */
@NamedInterface("error")
package org.privatedomain.cdp.core.error;

import org.springframework.modulith.NamedInterface;
