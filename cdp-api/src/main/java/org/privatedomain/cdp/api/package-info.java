/**
 * The HTTP API: controllers, security and RFC 9457 errors. The only module with web code; nothing depends on it.
 */
@ApplicationModule(displayName = "API")
package org.privatedomain.cdp.api;

import org.springframework.modulith.ApplicationModule;
