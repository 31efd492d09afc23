package org.privatedomain.cdp.core.member;

import java.util.function.Supplier;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.privacy.PiiCipher;

/**
 * An identity in the form it is stored and matched in: {@code lookupKey} is the value, or for personal data
 * the keyed hash of it; {@code encryptedValue} holds personal data only. Identities are equal by {@link #key()}
 * (type and lookup key); the ciphertext differs on every encryption.
 */
final class StoredIdentity {

    private final IdentityType type;
    private final String lookupKey;
    private final String key;
    private final Supplier<byte[]> encryption;

    private StoredIdentity(IdentityType type, String lookupKey, Supplier<byte[]> encryption) {
        this.type = type;
        this.lookupKey = lookupKey;
        this.key = type + ":" + lookupKey;
        this.encryption = encryption;
    }

    static StoredIdentity of(long brandId, Identity normalized, PiiCipher cipher) {
        String kind = normalized.type().name();
        return normalized.type().personal()
                ? new StoredIdentity(normalized.type(), cipher.lookupKey(brandId, kind, normalized.value()),
                        () -> cipher.encrypt(brandId, kind, normalized.value()))
                : new StoredIdentity(normalized.type(), normalized.value(), () -> null);
    }

    IdentityType type() {
        return type;
    }

    String lookupKey() {
        return lookupKey;
    }

    /**
     * The personal value encrypted afresh, or null for an identity that is not personal data. Only an identity
     * being attached needs it; most of a bulk load's identities are held already, and are never encrypted.
     */
    byte[] encryptedValue() {
        return encryption.get();
    }

    /** Type and lookup key, as identities are matched; computed once, as a batch looks it up many times. */
    String key() {
        return key;
    }
}
