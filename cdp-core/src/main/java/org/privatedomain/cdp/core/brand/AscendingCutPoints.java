package org.privatedomain.cdp.core.brand;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A list of cut points in strictly ascending order; an equal pair would leave a score no one can get. */
@Documented
@Constraint(validatedBy = AscendingCutPointsValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface AscendingCutPoints {

    String message() default "cut points must be strictly ascending";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
