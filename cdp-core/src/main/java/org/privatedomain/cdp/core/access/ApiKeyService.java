package org.privatedomain.cdp.core.access;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Issues, lists and revokes brand keys, and tells who holds a presented key. */
@Service
@Validated
@Transactional(readOnly = true)
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final BrandService brands;
    private final ApiKeyMapper mapper;
    private final Clock clock;
    private final byte[] adminKeyHash;

    ApiKeyService(ApiKeyRepository keys, BrandService brands, ApiKeyMapper mapper, Clock clock,
            AccessProperties properties) {
        this.keys = keys;
        this.brands = brands;
        this.mapper = mapper;
        this.clock = clock;
        this.adminKeyHash = ApiKeyFormat.hash(properties.adminApiKey());
    }

    @Transactional
    public IssuedApiKey issue(String brandCode, @Valid NewApiKey request) {
        long brandId = brands.idOf(brandCode);
        UUID id = UUID.randomUUID();
        String secret = ApiKeyFormat.newSecret();
        keys.save(new ApiKey(id, brandId, request.role(), ApiKeyFormat.hash(secret), clock.instant()));
        return new IssuedApiKey(id, ApiKeyFormat.format(id, secret), request.role());
    }

    public List<ApiKeyView> list(String brandCode) {
        return keys.findAllByBrandIdOrderByCreatedAt(brands.idOf(brandCode)).stream().map(mapper::toView).toList();
    }

    /** Revokes at once: the next request with this key is refused. Revoking a revoked key changes nothing. */
    @Transactional
    public ApiKeyView revoke(String brandCode, UUID keyId) {
        ApiKey key = keys.findByIdAndBrandId(keyId, brands.idOf(brandCode))
                .orElseThrow(() -> new NotFoundException("api-key-not-found",
                        "Brand '" + brandCode + "' has no API key " + keyId + "."));
        key.revoke(clock.instant());
        return mapper.toView(key);
    }

    /** Who holds this key, or empty when it is unknown, revoked or malformed. */
    public Optional<Caller> authenticate(String presentedKey) {
        Optional<ApiKeyFormat.ParsedKey> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            boolean admin = ApiKeyFormat.sameHash(adminKeyHash, ApiKeyFormat.hash(presentedKey));
            return admin ? Optional.of(new Caller.PlatformAdmin()) : Optional.empty();
        }
        ApiKeyFormat.ParsedKey key = parsed.get();
        return keys.findById(key.id())
                .filter(stored -> stored.opensWith(key.secret()))
                .map(stored -> new Caller.BrandMember(stored.getId(), stored.getBrandId(),
                        brands.codeOf(stored.getBrandId()), stored.getRole()));
    }
}
