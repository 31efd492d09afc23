package org.privatedomain.cdp.campaign.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.privatedomain.cdp.core.error.InvalidInputException;

/**
 * A client's {@code Idempotency-Key} for creating a campaign, and the SHA-256 of the request it came with: the
 * same key with the same request is a retry, with another request a mistake.
 */
record CreationKey(String key, String digest) {

    static CreationKey of(String key, String request) {
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("invalid-parameter",
                    "Idempotency-Key: 1 to 128 visible ASCII characters (a UUID, say).");
        }
        try {
            return new CreationKey(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
