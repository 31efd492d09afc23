package org.privatedomain.cdp.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Checks {@link PlausibleTime}. */
public final class PlausibleTimeValidator {

    private static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private PlausibleTimeValidator() {
    }

    static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
    }

    public static final class ForOffsetDateTime implements ConstraintValidator<PlausibleTime, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || plausible(value.toInstant());
        }
    }

    public static final class ForLocalDate implements ConstraintValidator<PlausibleTime, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || plausible(value.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }
}
