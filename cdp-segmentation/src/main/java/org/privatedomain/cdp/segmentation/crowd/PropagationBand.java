package org.privatedomain.cdp.segmentation.crowd;

import org.privatedomain.cdp.segmentation.Labelled;

/**
 * The propagation band: NONE without attributed orders in the period, SOME below the median propagation GMV of
 * the persons with any, HIGH at or above it.
 */
public enum PropagationBand implements Labelled {
    NONE("无传播", "No propagation"),
    SOME("一般传播", "Some propagation"),
    HIGH("高传播", "High propagation");

    private final String nameZh;
    private final String nameEn;

    PropagationBand(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
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
