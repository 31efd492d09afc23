package org.privatedomain.cdp.segmentation;

import java.util.Locale;

/** A code shown to operators, with its Chinese and English name; Chinese unless the caller asks otherwise. */
public interface Labelled {

    String nameZh();

    String nameEn();

    /** The name in the caller's language: English for an English locale, Chinese for everything else. */
    default String label(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn() : nameZh();
    }
}
