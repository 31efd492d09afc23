package org.privatedomain.cdp.core.brand;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.privatedomain.cdp.core.error.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Creates brands and keeps their settings. */
@Service
@Validated
@Transactional(readOnly = true)
public class BrandService {

    private final BrandRepository brands;
    private final BrandMapper mapper;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BrandService(BrandRepository brands, BrandMapper mapper, Clock clock, ApplicationEventPublisher events) {
        this.brands = brands;
        this.mapper = mapper;
        this.clock = clock;
        this.events = events;
    }

    /** Creates a brand with the default settings of fast-plus.md; a taken code is a conflict. */
    @Transactional
    public BrandView create(@Valid NewBrand newBrand) {
        if (brands.findByCode(newBrand.code()).isPresent()) {
            throw codeTaken(newBrand.code());
        }
        try {
            return mapper.toView(brands.saveAndFlush(new Brand(newBrand, clock.instant())));
        } catch (DuplicateKeyException raced) {
            throw codeTaken(newBrand.code());
        }
    }

    public List<BrandView> list() {
        return brands.findAllByOrderByCode().stream().map(mapper::toView).toList();
    }

    public BrandView get(String code) {
        return mapper.toView(require(code));
    }

    /** The brand's id and settings in one read, for features that write brand-owned rows. */
    public BrandContext context(String code) {
        Brand brand = require(code);
        return new BrandContext(brand.getId(), brand.getCode(), brand.settings());
    }

    /** The brand's database id, for features that store brand-owned rows. */
    public long idOf(String code) {
        return require(code).getId();
    }

    /** The code of the brand with this database id. */
    public String codeOf(long id) {
        return brands.findById(id).map(Brand::getCode).orElseThrow(
                () -> new IllegalStateException("No brand with id " + id + ": a row refers to a missing brand"));
    }

    public BrandSettings settings(String code) {
        return require(code).settings();
    }

    /** Replaces the settings; {@link BrandSettingsChanged} tells, in the same transaction, what was computed by the old. */
    @Transactional
    public BrandSettings changeSettings(String code, @Valid BrandSettings settings) {
        Brand brand = require(code);
        brand.changeSettings(settings, clock.instant());
        events.publishEvent(new BrandSettingsChanged(brand.getId()));
        return brand.settings();
    }

    private Brand require(String code) {
        return brands.findByCode(code).orElseThrow(() -> new BrandNotFoundException(code));
    }

    private static ConflictException codeTaken(String code) {
        return new ConflictException("brand-code-taken", "A brand with code '" + code + "' already exists.");
    }
}
