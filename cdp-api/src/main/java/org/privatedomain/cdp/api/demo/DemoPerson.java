package org.privatedomain.cdp.api.demo;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What the generator knows about person {@code index} of a synthetic brand without generating its history: its
 * ids, where it came from and when. Everything follows from the seed and the index alone, so another person's
 * history can name it (a referral names its sharer) without keeping anyone in memory.
 */
record DemoPerson(int index, Origin origin, Instant arrivedAt, String tmallOuid, String unionId, String openId,
        String wecomId, String phone, boolean sharer) {

    /** Where a person first met the brand: decides its ids, fields and order channels. */
    enum Origin { TMALL, WECHAT, WECOM, STORE, LIVE, ANONYMOUS_VISITOR }

    /** One in this many persons shares the brand's content (a would-be KOC). */
    static final int SHARER_EVERY = 25;

    static DemoPerson of(long seed, int index, Instant from, Instant until) {
        SplittableRandom random = random(seed, index, 0);
        double roll = random.nextDouble();
        Origin origin = roll < 0.33 ? Origin.TMALL : roll < 0.60 ? Origin.WECHAT : roll < 0.72 ? Origin.WECOM
                : roll < 0.82 ? Origin.STORE : roll < 0.90 ? Origin.LIVE : Origin.ANONYMOUS_VISITOR;
        Instant arrivedAt = from.plusSeconds((long) (random.nextDouble() * (until.getEpochSecond() - from.getEpochSecond())));
        boolean tmall = origin == Origin.TMALL || origin == Origin.LIVE || random.nextDouble() < 0.25;
        boolean wechat = origin == Origin.WECHAT || origin == Origin.WECOM || random.nextDouble() < 0.35;
        boolean wecom = origin == Origin.WECOM || wechat && random.nextDouble() < 0.15;
        boolean phone = origin == Origin.STORE || random.nextDouble() < 0.45;
        if (origin == Origin.ANONYMOUS_VISITOR) {
            tmall = wechat = wecom = phone = false;
        }
        long id = Mix.bijective(seed, index);
        return new DemoPerson(index, origin, arrivedAt,
                tmall ? "AAG" + Mix.base62(id, 21) : null,
                wechat ? "oU" + Mix.base62(id ^ 0x5DEECE66DL, 26) : null,
                wechat ? "oM" + Mix.base62(id ^ 0xB5AD4ECEDAL, 26) : null,
                wecom ? "wm" + Mix.base62(id ^ 0x2545F4914FL, 30) : null,
                phone ? mobile(seed, index) : null,
                origin != Origin.ANONYMOUS_VISITOR && index % SHARER_EVERY == 3);
    }

    /** The member number a person gets when it joins. */
    String joinedMemberNo() {
        return String.format("M%09d", index + 1);
    }

    boolean anonymous() {
        return origin == Origin.ANONYMOUS_VISITOR;
    }

    /** An independent random stream for one part of one person's history. */
    static SplittableRandom random(long seed, int index, int part) {
        return new SplittableRandom(Mix.bijective(seed ^ (long) part * 0x9E3779B97F4A7C15L, index));
    }

    /**
     * A mainland mobile number: a real prefix, then eight digits that are distinct for distinct persons (an odd
     * multiplier not divisible by 5 permutes 0..10^8-1), so two persons share a phone only on purpose.
     */
    private static String mobile(long seed, int index) {
        String[] prefixes = {"135", "136", "138", "139", "150", "152", "158", "159", "177", "186", "187", "188", "189"};
        long digits = Math.floorMod(index * 48_271L + seed, 100_000_000L);
        return prefixes[Math.floorMod(index, prefixes.length)] + String.format("%08d", digits);
    }
}
