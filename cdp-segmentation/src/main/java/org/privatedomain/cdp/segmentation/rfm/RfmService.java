package org.privatedomain.cdp.segmentation.rfm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.FrequencyBasis;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.member.MemberService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** RFM of fast-plus.md: the brand's run as of a date, and one person's values, scores and segment. */
@Service
public class RfmService {

    /**
     * M of fast-plus.md as SQL, {@code member_id, monetary} of every person a run scores, for other queries (the
     * crowd matrix's value band). Parameters: {@code :brand}, the window {@code [:from, :at)} and
     * {@code :minAmount}.
     */
    public static final String MONETARY = RfmQuery.persons(FrequencyBasis.ORDERS);

    private final BrandService brands;
    private final MemberService members;
    private final RfmRuns runs;
    private final JdbcClient jdbc;
    private final Clock clock;

    RfmService(BrandService brands, MemberService members, RfmRuns runs, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The run as of the end of the local date {@code asOf} (today for null): persons per score and per segment,
     * and the cut points used. A date after today is refused: its figures would change as the day goes by.
     */
    public RfmReport report(String brandCode, LocalDate asOf) {
        BrandContext brand = brands.context(brandCode);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(brand.settings().timezone())));
        if (asOf != null && (asOf.isAfter(today) || asOf.getYear() < 1900)) {
            throw new InvalidInputException("invalid-parameter",
                    "asOf must be a date from 1900-01-01 to today (" + today + ") in the brand's timezone.");
        }
        return runs.ensureFresh(brand, asOf == null ? today : asOf);
    }

    /**
     * The person's RFM by the brand's latest run, which is computed for today if the brand has none yet. The run
     * is not refreshed for one person's sake: the answer says as of when and when it was computed.
     */
    public MemberRfm of(String brandCode, long memberId) {
        members.requireLive(brandCode, memberId);
        BrandContext brand = brands.context(brandCode);
        RfmReport run = runs.latest(brand.id());
        if (run == null) {
            run = report(brandCode, null);
        }
        Map<String, Object> params = RfmRuns.window(brand, brand.settings().rfm(), run.at(), run.windowStart());
        params.put("member", memberId);
        RfmReport basis = run;
        return jdbc.sql(RfmQuery.person(brand.settings().rfm().frequencyBasis())).params(params)
                .query((rs, row) -> scored(basis, rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .optional()
                .orElse(new MemberRfm(run.asOf(), run.computedAt(), null, 0, BigDecimal.ZERO.setScale(2), null, null,
                        null, null));
    }

    /**
     * {@code select member_id, r_score, f_score, m_score, segment from ...}: every person scored by the brand's
     * fresh run as of today, for other queries (segment rules); values are bound through the caller's binder.
     */
    public String scoredSql(String brandCode, Function<Object, String> bind) {
        return RfmSql.scored(brands.context(brandCode), report(brandCode, null), bind);
    }

    private static MemberRfm scored(RfmReport run, long recency, long frequency, BigDecimal monetary) {
        RfmScale scale = run.scale();
        int r = scale.recencyScore(recency);
        int f = scale.frequencyScore(frequency);
        int m = scale.monetaryScore(monetary);
        return new MemberRfm(run.asOf(), run.computedAt(), recency, frequency, monetary, r, f, m,
                scale.segment(r, f, m));
    }
}
