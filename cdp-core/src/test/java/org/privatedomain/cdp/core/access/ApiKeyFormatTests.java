package org.privatedomain.cdp.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTests {

    @Test
    void aFormattedKeyParsesBackToItsIdAndSecret() {
        UUID id = UUID.randomUUID();
        String secret = ApiKeyFormat.newSecret();

        String key = ApiKeyFormat.format(id, secret);

        assertThat(key).startsWith("cdp_").hasSize(4 + 32 + 1 + 43);
        assertThat(ApiKeyFormat.parse(key)).contains(new ApiKeyFormat.ParsedKey(id, secret));
    }

    @Test
    void secretsAreFreshEveryTimeAndCarry256Bits() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(ApiKeyFormat.newSecret());
        }
        assertThat(secrets).hasSize(1000).allSatisfy(secret -> assertThat(secret).hasSize(43));
    }

    @Test
    void anythingElseIsNotABrandKey() {
        String valid = ApiKeyFormat.format(UUID.randomUUID(), ApiKeyFormat.newSecret());

        assertThat(ApiKeyFormat.parse(valid.substring(1))).isEmpty();
        assertThat(ApiKeyFormat.parse(valid + "x")).isEmpty();
        assertThat(ApiKeyFormat.parse(valid.toUpperCase())).isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
        assertThat(ApiKeyFormat.parse("some-platform-admin-key")).isEmpty();
    }

    @Test
    void hashesAreComparedByValue() {
        byte[] hash = ApiKeyFormat.hash("secret");

        assertThat(hash).hasSize(32);
        assertThat(ApiKeyFormat.sameHash(hash, ApiKeyFormat.hash("secret"))).isTrue();
        assertThat(ApiKeyFormat.sameHash(hash, ApiKeyFormat.hash("secreT"))).isFalse();
    }
}
