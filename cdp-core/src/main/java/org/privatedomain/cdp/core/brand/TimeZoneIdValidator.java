package org.privatedomain.cdp.core.brand;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.ZoneId;

/**
 * Accepts ids of the tz database that both Java and PostgreSQL know; Java's legacy {@code SystemV/} ids are not
 * in PostgreSQL, and a bare offset such as {@code +08:00} is no id at all.
 */
public final class TimeZoneIdValidator implements ConstraintValidator<TimeZoneId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || (ZoneId.getAvailableZoneIds().contains(value) && !value.startsWith("SystemV/"));
    }
}
