package org.privatedomain.cdp.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandNotFoundException;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class ApiKeyServiceTests {

    @Autowired
    ApiKeyService keys;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIssuedKeyAuthenticatesAsItsBrandAndRole() {
        String brand = newBrand();

        IssuedApiKey issued = keys.issue(brand, new NewApiKey(BrandRole.OPERATOR));

        assertThat(keys.authenticate(issued.key())).contains(
                new Caller.BrandMember(issued.id(), brands.idOf(brand), brand, BrandRole.OPERATOR));
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() {
        IssuedApiKey issued = keys.issue(newBrand(), new NewApiKey(BrandRole.ADMIN));
        String secret = issued.key().substring("cdp_".length() + 32 + 1); // the secret may itself hold '_'

        byte[] stored = jdbc.sql("select secret_hash from core.api_key where id = ?")
                .param(issued.id()).query(byte[].class).single();
        String wholeRow = jdbc.sql("select a::text from core.api_key a where id = ?")
                .param(issued.id()).query(String.class).single();

        assertThat(stored).isEqualTo(ApiKeyFormat.hash(secret));
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(secret);
        assertThat(wholeRow).doesNotContain(secret).doesNotContain(issued.key());
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndRevokingAgainChangesNothing() {
        String brand = newBrand();
        IssuedApiKey issued = keys.issue(brand, new NewApiKey(BrandRole.ANALYST));

        ApiKeyView revoked = keys.revoke(brand, issued.id());
        ApiKeyView revokedAgain = keys.revoke(brand, issued.id());

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(revokedAgain.revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(keys.authenticate(issued.key())).isEmpty();
    }

    @Test
    void aKeyIsRevokedOnlyThroughItsOwnBrand() {
        String owner = newBrand();
        String other = newBrand();
        IssuedApiKey issued = keys.issue(owner, new NewApiKey(BrandRole.ADMIN));

        assertThatThrownBy(() -> keys.revoke(other, issued.id())).isInstanceOf(NotFoundException.class);
        assertThat(keys.authenticate(issued.key())).isPresent();
    }

    @Test
    void aWrongSecretForARealKeyIdIsRefused() {
        IssuedApiKey issued = keys.issue(newBrand(), new NewApiKey(BrandRole.ADMIN));
        String forged = ApiKeyFormat.format(issued.id(), ApiKeyFormat.newSecret());

        assertThat(keys.authenticate(forged)).isEmpty();
        assertThat(keys.authenticate(ApiKeyFormat.format(UUID.randomUUID(), ApiKeyFormat.newSecret()))).isEmpty();
    }

    @Test
    void thePlatformKeyFromTheEnvironmentAuthenticatesAsPlatformAdmin() {
        assertThat(keys.authenticate("core-tests-admin-key-0123456789abcdef")).contains(new Caller.PlatformAdmin());
        assertThat(keys.authenticate("core-tests-admin-key-0123456789abcdeF")).isEmpty();
    }

    @Test
    void keysAreListedWithoutSecretsOldestFirst() {
        String brand = newBrand();
        IssuedApiKey first = keys.issue(brand, new NewApiKey(BrandRole.ADMIN));
        IssuedApiKey second = keys.issue(brand, new NewApiKey(BrandRole.ANALYST));

        List<ApiKeyView> listed = keys.list(brand);

        assertThat(listed).extracting(ApiKeyView::id).containsExactly(first.id(), second.id());
        assertThat(listed).extracting(ApiKeyView::role).containsExactly(BrandRole.ADMIN, BrandRole.ANALYST);
    }

    @Test
    void keysOfAMissingBrandCannotBeIssued() {
        assertThatThrownBy(() -> keys.issue("no-such-brand", new NewApiKey(BrandRole.ADMIN)))
                .isInstanceOf(BrandNotFoundException.class);
    }

    private String newBrand() {
        return TestBrands.create(brands);
    }
}
