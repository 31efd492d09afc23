package org.privatedomain.cdp.core.member;

/** How much personal data a reader may see. */
public enum Disclosure {
    /** Phone numbers and e-mail addresses in full. */
    FULL,
    /** Phone numbers as {@code 138****5678}, e-mail as {@code z***@example.com}, names as {@code 张*}, no birthday. */
    MASKED
}
