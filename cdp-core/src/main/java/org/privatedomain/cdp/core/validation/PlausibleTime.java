package org.privatedomain.cdp.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A time or date a customer record can really carry: from 1900 up to one day ahead (clocks drift, time zones
 * differ). It keeps typos such as year 20266 out of the figures, and out of PostgreSQL's reach. Null is valid.
 */
@Documented
@Constraint(validatedBy = {PlausibleTimeValidator.ForOffsetDateTime.class, PlausibleTimeValidator.ForLocalDate.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleTime {

    String message() default "must lie between 1900-01-01 and tomorrow";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
