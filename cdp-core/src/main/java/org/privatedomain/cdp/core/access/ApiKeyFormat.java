package org.privatedomain.cdp.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brand keys look like {@code cdp_<32 hex: key id>_<43 base64url: 256-bit secret>}. The id finds the stored row,
 * the secret is checked against its SHA-256 hash. A fast hash is right here: the secret is random and 256 bits
 * long, so there is nothing for a slow hash to protect against.
 */
final class ApiKeyFormat {

    private static final Pattern BRAND_KEY = Pattern.compile("cdp_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    /** A key split into its public id and its secret. */
    record ParsedKey(UUID id, String secret) {
    }

    private ApiKeyFormat() {
    }

    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return BASE64URL.encodeToString(secret);
    }

    static String format(UUID id, String secret) {
        return "cdp_" + id.toString().replace("-", "") + "_" + secret;
    }

    static Optional<ParsedKey> parse(String key) {
        Matcher matcher = BRAND_KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        byte[] id = HEX.parseHex(matcher.group(1));
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (id[i] & 0xff);
            least = (least << 8) | (id[i + 8] & 0xff);
        }
        return Optional.of(new ParsedKey(new UUID(most, least), matcher.group(2)));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
