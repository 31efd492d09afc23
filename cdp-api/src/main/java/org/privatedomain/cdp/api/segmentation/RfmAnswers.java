package org.privatedomain.cdp.api.segmentation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.privatedomain.cdp.core.brand.FrequencyBasis;
import org.privatedomain.cdp.core.brand.RfmScoringMode;
import org.privatedomain.cdp.segmentation.rfm.MemberRfm;
import org.privatedomain.cdp.segmentation.rfm.RfmReport;
import org.privatedomain.cdp.segmentation.rfm.RfmScale;
import org.privatedomain.cdp.segmentation.rfm.RfmSegment;

/** The RFM answers of the HTTP API, every segment with its name in the caller's language. */
public final class RfmAnswers {

    private RfmAnswers() {
    }

    /** Per dimension: recency, frequency, monetary. */
    public record Dimensions<T>(T recency, T frequency, T monetary) {
    }

    public record SegmentCount(String code, String name, long persons) {
    }

    /** A score cell: persons with these three scores. */
    public record Cell(int r, int f, int m, long persons) {
    }

    /**
     * {@code GET .../rfm}: as of the end of {@code asOf} ({@code at}), over orders paid in {@code [windowStart,
     * at)}; {@code scores} maps each score "1".."5" to its persons.
     */
    public record Report(LocalDate asOf, Instant at, Instant windowStart, RfmScoringMode scoringMode,
            FrequencyBasis frequencyBasis, Instant computedAt, long scored, Dimensions<List<BigDecimal>> cutPoints,
            Dimensions<Double> meanScores, Dimensions<Map<String, Long>> scores, List<SegmentCount> segments,
            List<Cell> cells) {
    }

    /** A person's RFM; scores and segment are null when the person has no qualifying order in the window. */
    public record PersonRfm(LocalDate asOf, Instant computedAt, Long recencyDays, long frequency,
            BigDecimal monetary, Integer recencyScore, Integer frequencyScore, Integer monetaryScore, String segment,
            String segmentName) {
    }

    public static Report of(RfmReport report, Locale locale) {
        RfmScale scale = report.scale();
        List<SegmentCount> segments = new ArrayList<>();
        report.segments().forEach((segment, persons) ->
                segments.add(new SegmentCount(segment.name(), segment.label(locale), persons)));
        return new Report(report.asOf(), report.at(), report.windowStart(), report.scoringMode(),
                report.frequencyBasis(), report.computedAt(), scale.scored(),
                new Dimensions<>(scale.recencyCuts(), scale.frequencyCuts(), scale.monetaryCuts()),
                new Dimensions<>(scale.recencyMean(), scale.frequencyMean(), scale.monetaryMean()),
                new Dimensions<>(byScore(report.recencyScores()), byScore(report.frequencyScores()),
                        byScore(report.monetaryScores())),
                segments,
                report.cells().stream().map(c -> new Cell(c.recency(), c.frequency(), c.monetary(), c.persons()))
                        .toList());
    }

    public static PersonRfm of(MemberRfm rfm, Locale locale) {
        RfmSegment segment = rfm.segment();
        return new PersonRfm(rfm.asOf(), rfm.computedAt(), rfm.recencyDays(), rfm.frequency(), rfm.monetary(),
                rfm.recencyScore(), rfm.frequencyScore(), rfm.monetaryScore(),
                segment == null ? null : segment.name(), segment == null ? null : segment.label(locale));
    }

    private static Map<String, Long> byScore(long[] persons) {
        Map<String, Long> scores = new LinkedHashMap<>();
        for (int score = 1; score <= persons.length; score++) {
            scores.put(Integer.toString(score), persons[score - 1]);
        }
        return scores;
    }
}
