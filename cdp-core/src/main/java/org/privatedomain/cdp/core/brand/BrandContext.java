package org.privatedomain.cdp.core.brand;

/** A brand as features need it while writing: its database id and settings, read once per request. */
public record BrandContext(long id, String code, BrandSettings settings) {
}
