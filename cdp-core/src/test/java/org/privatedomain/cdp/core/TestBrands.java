package org.privatedomain.cdp.core;

import java.util.concurrent.ThreadLocalRandom;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.NewBrand;

/** Tests share one database per context: each test makes brands of its own. */
public final class TestBrands {

    private TestBrands() {
    }

    /** A new brand with default settings and a fresh code, which it returns. */
    public static String create(BrandService brands) {
        String code = "b" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        brands.create(new NewBrand(code, "Brand " + code, null, null));
        return code;
    }
}
