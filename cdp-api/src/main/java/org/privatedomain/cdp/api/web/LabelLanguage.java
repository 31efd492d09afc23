package org.privatedomain.cdp.api.web;

import java.util.List;
import java.util.Locale;

/**
 * The language of the names given beside codes (tiers, segments, bands): Chinese unless the caller's
 * Accept-Language prefers English. Only names follow it; problem details stay as they are.
 */
public final class LabelLanguage {

    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private LabelLanguage() {
    }

    /** The language for an Accept-Language header (null when absent); zh-CN for anything else or unreadable. */
    public static Locale of(String acceptLanguage) {
        try {
            Locale chosen = acceptLanguage == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return chosen == null ? Locale.SIMPLIFIED_CHINESE : chosen;
        } catch (IllegalArgumentException unreadable) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
