package org.privatedomain.cdp.core.privacy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key for personal data ({@code CDP_PII_KEY}): 32 random bytes, base64-encoded, for example from
 * {@code openssl rand -base64 32}. Phone numbers and e-mail addresses are encrypted with it (AES-256-GCM) and
 * found through a hash keyed by it, so losing it makes them unreadable: keep it like a database password.
 */
@Validated
@ConfigurationProperties("cdp.pii")
public record PiiProperties(@NotBlank String key) {

    @AssertTrue(message = "must be 32 bytes encoded in base64, for example from: openssl rand -base64 32")
    public boolean isKey256Bits() {
        try {
            return key == null || Base64.getDecoder().decode(key).length == 32;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "PiiProperties[key=****]";
    }
}
