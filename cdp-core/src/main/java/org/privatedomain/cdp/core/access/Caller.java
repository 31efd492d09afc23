package org.privatedomain.cdp.core.access;

import java.util.UUID;

/** Who is calling, as proven by an API key. */
public sealed interface Caller {

    /** The platform administrator, holder of {@code CDP_ADMIN_API_KEY}: manages brands and their keys. */
    record PlatformAdmin() implements Caller {
    }

    /** The holder of a brand key: acts on that one brand, within its role. */
    record BrandMember(UUID keyId, long brandId, String brandCode, BrandRole role) implements Caller {
    }
}
