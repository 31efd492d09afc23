package org.privatedomain.cdp.segmentation.segment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;

/**
 * What a rule is compiled against: the brand, the instant "now" of the evaluation, the brand's timezone and
 * qualifying-order threshold, the computed facts (tiers, RFM, crowd matrix) made fresh on demand, and the
 * parameters the compiled SQL names. Conditions {@link #bind} every value.
 */
final class SqlContext {

    private final BrandContext brand;
    private final Instant now;
    private final ZoneId zone;
    private final SegmentFacts facts;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private Boolean purchaseHistoryFresh;

    SqlContext(BrandContext brand, Instant now, SegmentFacts facts) {
        this.brand = brand;
        this.now = now;
        this.zone = ZoneId.of(brand.settings().timezone());
        this.facts = facts;
        parameters.put("brand", brand.id());
        parameters.put("now", Timestamp.from(now));
        parameters.put("zone", zone.getId());
        parameters.put("minQualifyingAmount", brand.settings().tiers().minQualifyingAmount());
    }

    /** A new named parameter holding the value, as {@code :pN} to put in the SQL. */
    String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value instanceof Instant instant ? Timestamp.from(instant) : value);
        return ":" + name;
    }

    /** The brand's id as a parameter. */
    String brand() {
        return ":brand";
    }

    /** The instant of the evaluation as a parameter. */
    String now() {
        return ":now";
    }

    /** The brand's timezone id as a parameter, for {@code at time zone}. */
    String zoneParameter() {
        return ":zone";
    }

    /** Net amounts must be above this (the brand's tier setting) for an order to qualify, as a parameter. */
    String minQualifyingAmount() {
        return ":minQualifyingAmount";
    }

    /** The period's id (the current period for null), its tier snapshot made fresh. */
    String tierPeriod(String periodId) {
        return facts.tierPeriod(brand.code(), periodId);
    }

    /** A query of today's RFM scores and segment per scored person, its values bound here. */
    String rfmScores() {
        return facts.rfmScores(brand.code(), this::bind);
    }

    /** A query of the period's crowd-matrix cell per listed person, its values bound here. */
    String crowdCells(String periodId) {
        return facts.crowdCells(brand.code(), periodId, this::bind);
    }

    /**
     * Whether {@code segmentation.purchase_history} is up to date for the brand, made so on the first question;
     * false while another caller refreshes it.
     */
    boolean purchaseHistoryFresh() {
        if (purchaseHistoryFresh == null) {
            purchaseHistoryFresh = facts.freshPurchaseHistories(brand);
        }
        return purchaseHistoryFresh;
    }

    Instant instant() {
        return now;
    }

    ZoneId zone() {
        return zone;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
