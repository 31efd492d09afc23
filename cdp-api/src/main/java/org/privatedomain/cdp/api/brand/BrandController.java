package org.privatedomain.cdp.api.brand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.privatedomain.cdp.api.security.Access;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.BrandView;
import org.privatedomain.cdp.core.brand.NewBrand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands")
@Tag(name = "Brands", description = "Tenants and the settings that shape their figures")
class BrandController {

    private final BrandService brands;

    BrandController(BrandService brands) {
        this.brands = brands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Access(platformAdmin = true, brandKeys = false)
    @Operation(summary = "Create a brand (platform key)",
            description = "Timezone defaults to Asia/Shanghai and periodType to MONTH; settings start at the defaults of the FAST+ definitions.")
    ResponseEntity<BrandView> create(@RequestBody NewBrand brand) {
        BrandView created = brands.create(brand);
        return ResponseEntity.created(URI.create("/api/v1/brands/" + created.code())).body(created);
    }

    @GetMapping
    @Access(platformAdmin = true, brandKeys = false)
    @Operation(summary = "List all brands (platform key)")
    List<BrandView> list() {
        return brands.list();
    }

    @GetMapping("/{brandCode}")
    @Access(platformAdmin = true)
    @Operation(summary = "One brand")
    BrandView get(@PathVariable String brandCode) {
        return brands.get(brandCode);
    }

    @GetMapping("/{brandCode}/settings")
    @Access(platformAdmin = true)
    @Operation(summary = "The brand's settings: timezone, period type, RFM and tier rules")
    BrandSettings settings(@PathVariable String brandCode) {
        return brands.settings(brandCode);
    }

    @PutMapping("/{brandCode}/settings")
    @Access(platformAdmin = true, brandRole = BrandRole.ADMIN)
    @Operation(summary = "Replace the brand's settings (platform key or brand ADMIN)",
            description = "The document is complete: read it, change what you need, send it back whole.")
    BrandSettings changeSettings(@PathVariable String brandCode, @RequestBody BrandSettings settings) {
        return brands.changeSettings(brandCode, settings);
    }
}
