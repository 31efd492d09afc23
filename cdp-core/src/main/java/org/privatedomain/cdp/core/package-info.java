/**
 * Core: the tenant (brand) and its access keys, and later the member, identity and ingestion features that
 * every other module builds on. Depends on no other module.
 */
@ApplicationModule(displayName = "Core", allowedDependencies = {})
package org.privatedomain.cdp.core;

import org.springframework.modulith.ApplicationModule;
