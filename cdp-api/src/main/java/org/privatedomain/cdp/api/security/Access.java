package org.privatedomain.cdp.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.privatedomain.cdp.core.access.BrandRole;

/**
 * Who may call an endpoint, beyond the defaults that {@link AccessInterceptor} applies to every handler without
 * it: brand keys only, any role for reads (GET, HEAD), {@code OPERATOR} or above for writes.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    /** The least brand role needed; empty for the default by HTTP method. */
    BrandRole[] brandRole() default {};

    /** Whether the platform administrator key may call it. */
    boolean platformAdmin() default false;

    /** Whether brand keys may call it at all; false for platform-wide endpoints such as creating a brand. */
    boolean brandKeys() default true;
}
