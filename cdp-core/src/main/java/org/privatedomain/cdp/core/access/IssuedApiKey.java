package org.privatedomain.cdp.core.access;

import java.util.UUID;

/** A key just made. {@code key} is shown here once and can never be read again. */
public record IssuedApiKey(UUID id, String key, BrandRole role) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", key=****, role=" + role + "]";
    }
}
