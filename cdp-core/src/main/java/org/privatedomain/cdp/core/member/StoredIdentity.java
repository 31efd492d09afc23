package org.privatedomain.cdp.core.member;

import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.privacy.PiiCipher;

/**
 * An identity in the form it is stored and matched in: {@code lookupKey} is the value, or for personal data
 * the keyed hash of it; {@code encryptedValue} holds personal data only.
 */
record StoredIdentity(IdentityType type, String lookupKey, byte[] encryptedValue) {

    static StoredIdentity of(long brandId, Identity normalized, PiiCipher cipher) {
        String kind = normalized.type().name();
        return normalized.type().personal()
                ? new StoredIdentity(normalized.type(), cipher.lookupKey(brandId, kind, normalized.value()),
                        cipher.encrypt(brandId, kind, normalized.value()))
                : new StoredIdentity(normalized.type(), normalized.value(), null);
    }

    /** Identities are equal by type and lookup key; the ciphertext differs on every encryption. */
    String key() {
        return type + ":" + lookupKey;
    }
}
