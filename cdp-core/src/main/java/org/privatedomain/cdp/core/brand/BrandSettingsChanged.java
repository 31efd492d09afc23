package org.privatedomain.cdp.core.brand;

/** A brand's settings were replaced: results computed under the old ones no longer hold. */
public record BrandSettingsChanged(long brandId) {
}
