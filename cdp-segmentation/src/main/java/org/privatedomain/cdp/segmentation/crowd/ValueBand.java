package org.privatedomain.cdp.segmentation.crowd;

import org.privatedomain.cdp.segmentation.Labelled;

/** The purchase-value band: the RFM M score as LOW (1-2), MID (3), HIGH (4-5), or NONE when unscored. */
public enum ValueBand implements Labelled {
    NONE("无购买", "Not scored"),
    LOW("低价值", "Low value"),
    MID("中价值", "Mid value"),
    HIGH("高价值", "High value");

    private final String nameZh;
    private final String nameEn;

    ValueBand(String nameZh, String nameEn) {
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
