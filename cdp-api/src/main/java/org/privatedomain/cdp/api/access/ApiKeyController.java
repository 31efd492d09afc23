package org.privatedomain.cdp.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.privatedomain.cdp.api.security.Access;
import org.privatedomain.cdp.core.access.ApiKeyService;
import org.privatedomain.cdp.core.access.ApiKeyView;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.access.IssuedApiKey;
import org.privatedomain.cdp.core.access.NewApiKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/api-keys")
@Tag(name = "API keys", description = "Brand keys with one role each: ADMIN, OPERATOR or ANALYST")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Access(platformAdmin = true, brandRole = BrandRole.ADMIN)
    @Operation(summary = "Issue a brand key (platform key or brand ADMIN)",
            description = "The answer holds the key itself; it is shown only this once and stored only as a hash.")
    ResponseEntity<IssuedApiKey> issue(@PathVariable String brandCode, @RequestBody NewApiKey request) {
        IssuedApiKey issued = keys.issue(brandCode, request);
        return ResponseEntity.created(URI.create("/api/v1/brands/" + brandCode + "/api-keys/" + issued.id()))
                .body(issued);
    }

    @GetMapping
    @Access(platformAdmin = true, brandRole = BrandRole.ADMIN)
    @Operation(summary = "List the brand's keys, without the keys themselves")
    List<ApiKeyView> list(@PathVariable String brandCode) {
        return keys.list(brandCode);
    }

    @DeleteMapping("/{keyId}")
    @Access(platformAdmin = true, brandRole = BrandRole.ADMIN)
    @Operation(summary = "Revoke a key at once", description = "Revoking a revoked key changes nothing.")
    ApiKeyView revoke(@PathVariable String brandCode, @PathVariable UUID keyId) {
        return keys.revoke(brandCode, keyId);
    }
}
