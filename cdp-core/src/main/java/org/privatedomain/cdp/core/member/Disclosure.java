package org.privatedomain.cdp.core.member;

/** How much personal data a reader may see. */
public enum Disclosure {
    /** Phone numbers and e-mail addresses in full. */
    FULL,
    /** Phone numbers as {@code 138****5678}, e-mail addresses as {@code z***@example.com}. */
    MASKED
}
