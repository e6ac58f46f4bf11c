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

  /** The portal's languages, in the order parents see them offered. */
  public static final List<Locale> PLANNED =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"), Locale.forLanguageTag("ro"), Locale.forLanguageTag("ur"), Locale.forLanguageTag("ar"));

  /**
   * The languages a parent can choose now: English and every language whose translation file is
   * present. A language is never offered before its screens are translated.
   */
  public static final List<Locale> LOCALES =
      PLANNED.stream()
          .filter(l -> l.equals(Locale.ENGLISH) || ParentLanguages.class.getClassLoader()
              .getResource("vaadin-i18n/translations_" + l.getLanguage() + ".properties") != null)
          .toList();

  /** The language screens are shown in for a wish: the wished one when it is available, else English. */
  public static Locale effective(Locale wished) {
    return LOCALES.stream().filter(l -> wished != null && l.getLanguage().equals(wished.getLanguage())).findFirst().orElse(Locale.ENGLISH);
  }

  public static boolean rightToLeft(Locale locale) {
    return locale.getLanguage().equals("ar") || locale.getLanguage().equals("ur");
  }
}
