package org.privatedomain.cdp.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.access.Caller;
import org.privatedomain.cdp.core.brand.BrandNotFoundException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Decides, per handler, whether the authenticated caller may go on. It runs after the handler is found, so it
 * knows the {@code {brandCode}} of the path and the handler's {@link Access} rules:
 * <ul>
 * <li>a brand key on another brand's path gets exactly the 404 of a brand that does not exist;</li>
 * <li>a brand key whose role is too low, or the platform key where it is not allowed, gets 403.</li>
 * </ul>
 */
final class AccessInterceptor implements HandlerInterceptor {

    static final String BRAND_CODE = "brandCode";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth)) {
            return true; // static resources, documentation: public, or already refused by the security filters
        }
        Access access = method.getMethodAnnotation(Access.class);
        switch (auth.getPrincipal()) {
            case Caller.PlatformAdmin admin -> {
                if (access == null || !access.platformAdmin()) {
                    throw new AccessRefusedException("The platform administrator key manages brands and their keys; "
                            + "use a brand key for brand data.");
                }
            }
            case Caller.BrandMember member -> checkBrandMember(member, access, request);
        }
        return true;
    }

    private static void checkBrandMember(Caller.BrandMember member, Access access, HttpServletRequest request) {
        if (access != null && !access.brandKeys()) {
            throw new AccessRefusedException("Only the platform administrator key may do this.");
        }
        String brandCode = brandCodeOf(request);
        if (brandCode != null && !brandCode.equals(member.brandCode())) {
            throw new BrandNotFoundException(brandCode);
        }
        BrandRole required = access != null && access.brandRole().length > 0
                ? access.brandRole()[0]
                : defaultRole(request);
        if (!member.role().includes(required)) {
            throw new AccessRefusedException(
                    "This needs a key with role " + required + " or above; this key has role " + member.role() + ".");
        }
    }

    private static BrandRole defaultRole(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? BrandRole.ANALYST : BrandRole.OPERATOR;
    }

    @SuppressWarnings("unchecked")
    private static String brandCodeOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get(BRAND_CODE) : null;
    }
}
