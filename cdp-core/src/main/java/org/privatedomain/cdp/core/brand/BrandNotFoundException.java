package org.privatedomain.cdp.core.brand;

import org.privatedomain.cdp.core.error.NotFoundException;

/** No brand has this code, or the caller's key belongs to another brand: the two must look the same. */
public class BrandNotFoundException extends NotFoundException {

    public BrandNotFoundException(String code) {
        super("brand-not-found", "No brand with code '" + code + "'.");
    }
}
