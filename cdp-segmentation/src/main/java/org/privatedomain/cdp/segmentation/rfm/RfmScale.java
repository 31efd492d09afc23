package org.privatedomain.cdp.segmentation.rfm;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one RFM run scores a person: the four cut points per dimension, and the sums of the scores over the scored
 * population, so that "above the mean" is decided exactly ({@code score * scored > sum}), with no rounding.
 */
public record RfmScale(List<BigDecimal> recencyCuts, List<BigDecimal> frequencyCuts, List<BigDecimal> monetaryCuts,
        long scored, long recencySum, long frequencySum, long monetarySum) {

    /** {@code 5 - #{i : R > c_i}}: fewer days since the last purchase is better. */
    public int recencyScore(long recencyDays) {
        return 5 - above(BigDecimal.valueOf(recencyDays), recencyCuts);
    }

    /** {@code 1 + #{i : F > c_i}}. */
    public int frequencyScore(long frequency) {
        return 1 + above(BigDecimal.valueOf(frequency), frequencyCuts);
    }

    /** {@code 1 + #{i : M > c_i}}. */
    public int monetaryScore(BigDecimal monetary) {
        return 1 + above(monetary, monetaryCuts);
    }

    /** The segment of a person with these scores: each strictly above the population's mean score, or not. */
    public RfmSegment segment(int recency, int frequency, int monetary) {
        return RfmSegment.of((long) recency * scored > recencySum, (long) frequency * scored > frequencySum,
                (long) monetary * scored > monetarySum);
    }

    public double recencyMean() {
        return mean(recencySum);
    }

    public double frequencyMean() {
        return mean(frequencySum);
    }

    public double monetaryMean() {
        return mean(monetarySum);
    }

    private double mean(long sum) {
        return scored == 0 ? 0 : (double) sum / scored;
    }

    private static int above(BigDecimal value, List<BigDecimal> cuts) {
        int count = 0;
        for (BigDecimal cut : cuts) {
            if (value.compareTo(cut) > 0) {
                count++;
            }
        }
        return count;
    }
}
