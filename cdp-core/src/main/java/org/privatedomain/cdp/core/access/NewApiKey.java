package org.privatedomain.cdp.core.access;

import jakarta.validation.constraints.NotNull;

/** A key to issue for a brand. */
public record NewApiKey(@NotNull BrandRole role) {
}
