package org.privatedomain.cdp.segmentation.rfm;

import org.privatedomain.cdp.segmentation.Labelled;

/** The eight classic RFM segments (fast-plus.md, "RFM"): each score high or low against the population's mean. */
public enum RfmSegment implements Labelled {
    IMPORTANT_VALUE(true, true, true, "重要价值客户", "Important value"),
    IMPORTANT_DEVELOP(true, false, true, "重要发展客户", "Important to develop"),
    IMPORTANT_KEEP(false, true, true, "重要保持客户", "Important to keep"),
    IMPORTANT_RETAIN(false, false, true, "重要挽留客户", "Important to win back"),
    GENERAL_VALUE(true, true, false, "一般价值客户", "General value"),
    GENERAL_DEVELOP(true, false, false, "一般发展客户", "General to develop"),
    GENERAL_KEEP(false, true, false, "一般保持客户", "General to keep"),
    GENERAL_RETAIN(false, false, false, "一般挽留客户", "General to win back");

    private final boolean recencyHigh;
    private final boolean frequencyHigh;
    private final boolean monetaryHigh;
    private final String nameZh;
    private final String nameEn;

    RfmSegment(boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh, String nameZh, String nameEn) {
        this.recencyHigh = recencyHigh;
        this.frequencyHigh = frequencyHigh;
        this.monetaryHigh = monetaryHigh;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public static RfmSegment of(boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh) {
        for (RfmSegment segment : values()) {
            if (segment.recencyHigh == recencyHigh && segment.frequencyHigh == frequencyHigh
                    && segment.monetaryHigh == monetaryHigh) {
                return segment;
            }
        }
        throw new AssertionError("all eight combinations are segments");
    }

    public boolean recencyHigh() {
        return recencyHigh;
    }

    public boolean frequencyHigh() {
        return frequencyHigh;
    }

    public boolean monetaryHigh() {
        return monetaryHigh;
    }

    @Override
    public String nameZh() {
        return nameZh;
    }

    @Override
    public String nameEn() {
        return nameEn;
    }
}
