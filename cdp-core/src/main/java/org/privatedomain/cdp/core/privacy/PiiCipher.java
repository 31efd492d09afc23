package org.privatedomain.cdp.core.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest and finds it again without decrypting.
 * <ul>
 * <li>{@link #encrypt}: AES-256-GCM with a fresh 96-bit nonce, stored as nonce followed by ciphertext and tag.
 * The brand id and field name are bound in as associated data, so a value copied to another row or brand no
 * longer decrypts.</li>
 * <li>{@link #lookupKey}: HMAC-SHA-256 of the brand, kind and value, hex-encoded; equal values give equal keys
 * within a brand and unrelated keys across brands.</li>
 * </ul>
 * Both keys derive from {@code CDP_PII_KEY} with HMAC, so neither is the other.
 */
@Component
public class PiiCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;

    PiiCipher(PiiProperties properties) {
        byte[] master = Base64.getDecoder().decode(properties.key());
        this.encryptionKey = new SecretKeySpec(derive(master, "cdp-pii-encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "cdp-pii-lookup"), "HmacSHA256");
    }

    public byte[] encrypt(long brandId, String kind, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(brandId, kind));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Fails when the value was not encrypted with this key for this brand and kind. */
    public String decrypt(long brandId, String kind, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(brandId, kind));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data of brand " + brandId
                    + " does not decrypt: was CDP_PII_KEY changed?", e);
        }
    }

    public String lookupKey(long brandId, String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(associatedData(brandId, kind));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] associatedData(long brandId, String kind) {
        return (brandId + ":" + kind + ":").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
