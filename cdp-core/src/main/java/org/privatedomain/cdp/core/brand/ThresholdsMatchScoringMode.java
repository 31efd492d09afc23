package org.privatedomain.cdp.core.brand;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** RFM thresholds are given exactly when the scoring mode is {@code THRESHOLDS}. */
@Documented
@Constraint(validatedBy = ThresholdsMatchScoringModeValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ThresholdsMatchScoringMode {

    String message() default "required when scoringMode is THRESHOLDS, and must be absent otherwise";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
