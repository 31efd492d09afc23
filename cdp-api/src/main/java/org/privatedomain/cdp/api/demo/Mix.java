package org.privatedomain.cdp.api.demo;

/** Deterministic scrambling for synthetic ids: distinct inputs give distinct outputs. */
final class Mix {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Mix() {
    }

    /** SplitMix64's finalizer over {@code seed} and {@code index}: a bijection of the index for a given seed. */
    static long bijective(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * {@code length} base-62 characters (at least 11): the first 11 encode {@code value} exactly, so distinct
     * values give distinct strings; the rest are filler derived from it.
     */
    static String base62(long value, int length) {
        StringBuilder text = new StringBuilder(length);
        long rest = value;
        for (int i = 0; i < 11; i++) {
            text.append(DIGITS.charAt((int) Long.remainderUnsigned(rest, 62)));
            rest = Long.divideUnsigned(rest, 62);
        }
        long filler = bijective(value, length);
        while (text.length() < length) {
            text.append(DIGITS.charAt((int) Long.remainderUnsigned(filler, 62)));
            filler = Long.divideUnsigned(filler, 62) ^ bijective(filler, text.length());
        }
        return text.toString();
    }
}
