package org.privatedomain.cdp.segmentation.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.privatedomain.cdp.core.brand.FrequencyBasis;
import org.privatedomain.cdp.core.brand.RfmScoringMode;

/**
 * An RFM run as of the end of {@code asOf} (the instant {@code at}, local midnight after it), over orders paid
 * in {@code [windowStart, at)}: the scale that scores persons, and the scored persons per (R, F, M) score cell.
 */
public record RfmReport(LocalDate asOf, Instant at, Instant windowStart, RfmScoringMode scoringMode,
        FrequencyBasis frequencyBasis, Instant computedAt, RfmScale scale, List<Cell> cells) {

    /** Persons with these three scores. */
    public record Cell(int recency, int frequency, int monetary, long persons) {
    }

    /** Persons per recency score, index 0 for score 1. */
    public long[] recencyScores() {
        return perScore(Cell::recency);
    }

    public long[] frequencyScores() {
        return perScore(Cell::frequency);
    }

    public long[] monetaryScores() {
        return perScore(Cell::monetary);
    }

    /** Persons per segment, every segment present. */
    public Map<RfmSegment, Long> segments() {
        Map<RfmSegment, Long> persons = new EnumMap<>(RfmSegment.class);
        for (RfmSegment segment : RfmSegment.values()) {
            persons.put(segment, 0L);
        }
        for (Cell cell : cells) {
            persons.merge(scale.segment(cell.recency(), cell.frequency(), cell.monetary()), cell.persons(), Long::sum);
        }
        return persons;
    }

    private long[] perScore(ToIntFunction<Cell> score) {
        long[] persons = new long[5];
        for (Cell cell : cells) {
            persons[score.applyAsInt(cell) - 1] += cell.persons();
        }
        return persons;
    }
}
