package org.privatedomain.cdp.core.brand;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.privatedomain.cdp.core.identity.IdentityType;

/** The tenant aggregate: its identity and the settings that shape its figures. */
@Entity
@Table(schema = "core", name = "brand")
class Brand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private String timezone;

    @Enumerated(EnumType.STRING)
    private PeriodType periodType;

    private int rfmWindowDays;

    @Enumerated(EnumType.STRING)
    private FrequencyBasis rfmFrequencyBasis;

    @Enumerated(EnumType.STRING)
    private RfmScoringMode rfmScoringMode;

    private BigDecimal[] rfmRecencyCutPoints;

    private BigDecimal[] rfmFrequencyCutPoints;

    private BigDecimal[] rfmMonetaryCutPoints;

    private BigDecimal minQualifyingAmount;

    private boolean reviewCountsAsPropagation;

    private boolean capitalRequiresConsent;

    private String[] weakIdentityTypes;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected Brand() {
    }

    Brand(NewBrand brand, Instant now) {
        this.code = brand.code();
        this.name = brand.name();
        this.createdAt = now;
        changeSettings(BrandSettings.defaults(brand.timezone(), brand.periodType()), now);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getTimezone() {
        return timezone;
    }

    public PeriodType getPeriodType() {
        return periodType;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    BrandSettings settings() {
        RfmThresholds thresholds = rfmScoringMode == RfmScoringMode.THRESHOLDS
                ? new RfmThresholds(List.of(rfmRecencyCutPoints), List.of(rfmFrequencyCutPoints),
                        List.of(rfmMonetaryCutPoints))
                : null;
        return new BrandSettings(timezone, periodType,
                new RfmSettings(rfmWindowDays, rfmFrequencyBasis, rfmScoringMode, thresholds),
                new TierSettings(minQualifyingAmount, reviewCountsAsPropagation),
                capitalRequiresConsent, weakIdentityTypes());
    }

    /** In declaration order, so the settings document always lists them the same way. */
    Set<IdentityType> weakIdentityTypes() {
        Set<IdentityType> types = EnumSet.noneOf(IdentityType.class);
        for (String type : weakIdentityTypes) {
            types.add(IdentityType.valueOf(type));
        }
        return types;
    }

    /** Replaces all settings; the caller has validated them. */
    void changeSettings(BrandSettings settings, Instant now) {
        this.timezone = settings.timezone();
        this.periodType = settings.periodType();
        RfmSettings rfm = settings.rfm();
        this.rfmWindowDays = rfm.windowDays();
        this.rfmFrequencyBasis = rfm.frequencyBasis();
        this.rfmScoringMode = rfm.scoringMode();
        RfmThresholds thresholds = rfm.thresholds();
        this.rfmRecencyCutPoints = thresholds == null ? null : thresholds.recency().toArray(BigDecimal[]::new);
        this.rfmFrequencyCutPoints = thresholds == null ? null : thresholds.frequency().toArray(BigDecimal[]::new);
        this.rfmMonetaryCutPoints = thresholds == null ? null : thresholds.monetary().toArray(BigDecimal[]::new);
        // Validated to two decimals at most; kept at exactly two, like every amount the API shows.
        this.minQualifyingAmount = settings.tiers().minQualifyingAmount().setScale(2, RoundingMode.UNNECESSARY);
        this.reviewCountsAsPropagation = settings.tiers().reviewCountsAsPropagation();
        this.capitalRequiresConsent = settings.capitalRequiresConsent();
        this.weakIdentityTypes =
                settings.weakIdentityTypes().stream().map(Enum::name).sorted().toArray(String[]::new);
        this.updatedAt = now;
    }
}
