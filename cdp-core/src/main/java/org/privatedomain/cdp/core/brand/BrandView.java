package org.privatedomain.cdp.core.brand;

import java.time.Instant;

/** A brand as callers see it. */
public record BrandView(String code, String name, String timezone, PeriodType periodType, Instant createdAt) {
}
