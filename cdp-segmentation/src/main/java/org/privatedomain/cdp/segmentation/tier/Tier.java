package org.privatedomain.cdp.segmentation.tier;

import org.privatedomain.cdp.segmentation.Labelled;

/** The five FAST+ relationship tiers and NONE, in ascending order (fast-plus.md, "Tiers"). */
public enum Tier implements Labelled {
    NONE("无关系", "No relationship"),
    BASIC("基础私域用户", "Basic private-domain user"),
    MEMBER("未购会员", "Member, no purchase"),
    PURCHASED_MEMBER("已购会员", "Purchased member"),
    REPEAT_MEMBER("复购会员", "Repeat member"),
    KOC("品牌KOC", "Brand KOC");

    private final String nameZh;
    private final String nameEn;

    Tier(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The tier's rank of fast-plus.md: NONE 0 .. KOC 5. */
    public int rank() {
        return ordinal();
    }

    public static Tier ofRank(int rank) {
        return values()[rank];
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
