package org.privatedomain.cdp.api.security;

import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.access.Caller;
import org.privatedomain.cdp.core.member.Disclosure;
import org.springframework.security.core.context.SecurityContextHolder;

/** What controllers need to know about the authenticated caller. */
public final class Callers {

    private Callers() {
    }

    /** Analysts see personal data masked; everyone else who may read it sees it whole. */
    public static Disclosure disclosure() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                && auth.getPrincipal() instanceof Caller.BrandMember member
                && member.role() == BrandRole.ANALYST ? Disclosure.MASKED : Disclosure.FULL;
    }
}
