package org.privatedomain.cdp.core.brand;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.List;

/** Checks {@link AscendingCutPoints}; nulls are left to {@code @NotNull}. */
public final class AscendingCutPointsValidator implements ConstraintValidator<AscendingCutPoints, List<BigDecimal>> {

    @Override
    public boolean isValid(List<BigDecimal> cutPoints, ConstraintValidatorContext context) {
        if (cutPoints == null) {
            return true;
        }
        for (int i = 1; i < cutPoints.size(); i++) {
            BigDecimal previous = cutPoints.get(i - 1);
            BigDecimal current = cutPoints.get(i);
            if (previous != null && current != null && previous.compareTo(current) >= 0) {
                return false;
            }
        }
        return true;
    }
}
