package org.privatedomain.cdp.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.access.Caller;
import org.privatedomain.cdp.core.brand.BrandNotFoundException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The access rules for every kind of endpoint, including kinds the API does not have yet. */
class AccessInterceptorTests {

    private final AccessInterceptor interceptor = new AccessInterceptor();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void byDefaultAnyBrandRoleReadsAndOperatorsWrite() throws Exception {
        assertThat(allowed(BrandRole.ANALYST, "GET", "brandData")).isTrue();
        assertThat(allowed(BrandRole.ANALYST, "HEAD", "brandData")).isTrue();
        assertThat(allowed(BrandRole.OPERATOR, "POST", "brandData")).isTrue();
        assertThat(allowed(BrandRole.ADMIN, "DELETE", "brandData")).isTrue();
        assertThatThrownBy(() -> allowed(BrandRole.ANALYST, "POST", "brandData"))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> allowed(BrandRole.ANALYST, "PUT", "brandData"))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aNamedRoleOverridesTheDefault() throws Exception {
        assertThat(allowed(BrandRole.ADMIN, "GET", "adminOnly")).isTrue();
        assertThatThrownBy(() -> allowed(BrandRole.OPERATOR, "GET", "adminOnly"))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void theOtherBrandsPathIsNotFoundBeforeAnyRoleCheck() {
        authenticate(new Caller.BrandMember(UUID.randomUUID(), 1, "acme", BrandRole.ANALYST));

        assertThatThrownBy(() -> interceptor.preHandle(request("PUT", "other"), new MockHttpServletResponse(),
                handler("adminOnly"))).isInstanceOf(BrandNotFoundException.class);
    }

    @Test
    void thePlatformKeyOnlyReachesEndpointsMadeForIt() throws Exception {
        authenticate(new Caller.PlatformAdmin());

        assertThat(interceptor.preHandle(request("PUT", "acme"), new MockHttpServletResponse(),
                handler("platformToo"))).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request("GET", "acme"), new MockHttpServletResponse(),
                handler("brandData"))).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("brand key");
    }

    @Test
    void brandKeysNeverReachPlatformOnlyEndpoints() {
        assertThatThrownBy(() -> allowed(BrandRole.ADMIN, "POST", "platformOnly"))
                .isInstanceOf(AccessRefusedException.class);
    }

    private boolean allowed(BrandRole role, String method, String handler) throws Exception {
        authenticate(new Caller.BrandMember(UUID.randomUUID(), 1, "acme", role));
        return interceptor.preHandle(request(method, "acme"), new MockHttpServletResponse(), handler(handler));
    }

    private static void authenticate(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
    }

    private static MockHttpServletRequest request(String method, String brandCode) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/brands/" + brandCode + "/x");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                Map.of(AccessInterceptor.BRAND_CODE, brandCode));
        return request;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
    }

    static class Endpoints {

        void brandData() {
        }

        @Access(brandRole = BrandRole.ADMIN)
        void adminOnly() {
        }

        @Access(platformAdmin = true, brandRole = BrandRole.ADMIN)
        void platformToo() {
        }

        @Access(platformAdmin = true, brandKeys = false)
        void platformOnly() {
        }
    }
}
