package org.privatedomain.cdp.core.brand;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ThresholdsMatchScoringMode} and reports the violation on the {@code thresholds} field. */
public final class ThresholdsMatchScoringModeValidator
        implements ConstraintValidator<ThresholdsMatchScoringMode, RfmSettings> {

    @Override
    public boolean isValid(RfmSettings rfm, ConstraintValidatorContext context) {
        if (rfm == null || rfm.scoringMode() == null
                || (rfm.scoringMode() == RfmScoringMode.THRESHOLDS) == (rfm.thresholds() != null)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("thresholds")
                .addConstraintViolation();
        return false;
    }
}
