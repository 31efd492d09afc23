package org.privatedomain.cdp.api.security;

import java.util.List;
import org.privatedomain.cdp.core.access.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request proven by an API key; the principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(switch (caller) {
            case Caller.PlatformAdmin admin -> PLATFORM_ADMIN;
            case Caller.BrandMember member -> "ROLE_BRAND_" + member.role();
        })));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
