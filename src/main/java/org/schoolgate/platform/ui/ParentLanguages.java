package org.schoolgate.platform.ui;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the parent portal. Screen text lives in
 * {@code vaadin-i18n/translations_<lang>.properties} (UTF-8), read by Vaadin's translation
 * provider; English is the base file and each language is one more file with the same keys.
 */
public final class ParentLanguages {
  private ParentLanguages() {}

  public static final List<Locale> LOCALES =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"), Locale.forLanguageTag("ro"), Locale.forLanguageTag("ur"), Locale.forLanguageTag("ar"));

  public static boolean rightToLeft(Locale locale) {
    return locale.getLanguage().equals("ar") || locale.getLanguage().equals("ur");
  }
}
