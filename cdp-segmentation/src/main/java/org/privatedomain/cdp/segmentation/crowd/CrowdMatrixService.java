package org.privatedomain.cdp.segmentation.crowd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.segmentation.BoundSql;
import org.privatedomain.cdp.segmentation.rfm.RfmReport;
import org.privatedomain.cdp.segmentation.rfm.RfmService;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.segmentation.tier.TierDistribution;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The crowd matrix of fast-plus.md for a period, computed from fresh tiers and RFM. */
@Service
public class CrowdMatrixService {


    private final BrandService brands;
    private final TierService tiers;
    private final RfmService rfm;
    private final JdbcClient jdbc;
    private final Clock clock;

    CrowdMatrixService(BrandService brands, TierService tiers, RfmService rfm, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.tiers = tiers;
        this.rfm = rfm;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The matrix of the period (the current one for null). */
    public CrowdMatrix matrix(String brandCode, String periodId) {
        BrandContext brand = brands.context(brandCode);
        TierDistribution distribution = tiers.distribution(brandCode, periodId);
        Period period = new Period(distribution.period(), distribution.start(), distribution.end());
        RfmReport run = rfm.report(brandCode, rfmAsOf(brand, period));
        long persons = distribution.persons().values().stream().mapToLong(Long::longValue).sum();
        Map<String, Accumulator> cells = new LinkedHashMap<>();
        BigDecimal[] median = {null};
        jdbc.sql("""
                        select tier, value_band, propagation_band, count(*), sum(own_gmv), sum(own_orders),
                               sum(propagation_gmv), max(propagation_median)
                          from (%s) p
                         group by 1, 2, 3
                         order by 1 desc, 2, 3
                        """.formatted(CrowdQuery.PERSONS))
                .params(CrowdQuery.params(brand, period, run))
                .query(rs -> {
                    Accumulator cell = new Accumulator(Tier.ofRank(rs.getInt(1)), ValueBand.valueOf(rs.getString(2)),
                            PropagationBand.valueOf(rs.getString(3)), rs.getLong(4), rs.getBigDecimal(5),
                            rs.getLong(6), rs.getBigDecimal(7));
                    cells.put(cell.key(), cell);
                    if (rs.getBigDecimal(8) != null) {
                        // money has two decimals (api.md); the bands compared with the exact median
                        median[0] = rs.getBigDecimal(8).setScale(2, RoundingMode.HALF_UP);
                    }
                });
        long listed = cells.values().stream().mapToLong(Accumulator::persons).sum();
        Accumulator rest = new Accumulator(Tier.NONE, ValueBand.NONE, PropagationBand.NONE, persons - listed,
                BigDecimal.ZERO, 0, BigDecimal.ZERO);
        cells.merge(rest.key(), rest, Accumulator::plus);
        List<CrowdCell> result = new ArrayList<>();
        for (Accumulator cell : cells.values()) {
            if (cell.persons() > 0) {
                result.add(cell.toCell());
            }
        }
        return new CrowdMatrix(period.id(), period.start(), period.end(), run.asOf(), median[0],
                distribution.computedAt(), result);
    }

    /**
     * {@code select member_id, tier, value_band, propagation_band from ...}: every person listed in the period's
     * matrix (the current one for null), from fresh tiers and RFM, for other queries (segment rules); values are
     * bound through the caller's binder. Persons in no listed cell are in (NONE, NONE, NONE).
     */
    public String personsSql(String brandCode, String periodId, Function<Object, String> bind) {
        BrandContext brand = brands.context(brandCode);
        Period period = tiers.ensureFresh(brandCode, periodId);
        Map<String, Object> params = CrowdQuery.params(brand, period, rfm.report(brandCode, rfmAsOf(brand, period)));
        return "select member_id, tier, value_band, propagation_band from ("
                + BoundSql.bind(CrowdQuery.PERSONS, params, bind)
                + ") crowd";
    }

    /** The period's last local day, or today for a period that has not ended. */
    private LocalDate rfmAsOf(BrandContext brand, Period period) {
        ZoneId zone = ZoneId.of(brand.settings().timezone());
        LocalDate last = period.end().atZone(zone).toLocalDate().minusDays(1);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return last.isAfter(today) ? today : last;
    }

    private record Accumulator(Tier tier, ValueBand value, PropagationBand propagation, long persons,
            BigDecimal ownGmv, long ownOrders, BigDecimal propagationGmv) {

        String key() {
            return tier + "/" + value + "/" + propagation;
        }

        Accumulator plus(Accumulator other) {
            return new Accumulator(tier, value, propagation, persons + other.persons, ownGmv.add(other.ownGmv),
                    ownOrders + other.ownOrders, propagationGmv.add(other.propagationGmv));
        }

        CrowdCell toCell() {
            return new CrowdCell(tier, value, propagation, persons, ownGmv, propagationGmv,
                    ownOrders == 0 ? null : ownGmv.divide(BigDecimal.valueOf(ownOrders), 2, RoundingMode.HALF_UP));
        }
    }
}
