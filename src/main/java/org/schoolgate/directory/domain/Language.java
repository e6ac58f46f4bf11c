package org.schoolgate.directory.domain;

import java.util.Locale;

/** The languages the parent portal and parent messages are written in. */
public enum Language {
  EN("English", false),
  PL("Polski", false),
  RO("Română", false),
  UR("اردو", true),
  AR("العربية", true);

  private final String nativeName;
  private final boolean rightToLeft;

  Language(String nativeName, boolean rightToLeft) {
    this.nativeName = nativeName;
    this.rightToLeft = rightToLeft;
  }

  public String nativeName() {
    return nativeName;
  }

  public boolean rightToLeft() {
    return rightToLeft;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language for a code such as "pl"; English for anything unknown. */
  public static Language ofCode(String code) {
    if (code != null) {
      for (Language l : values()) {
        if (l.code().equalsIgnoreCase(code.trim())) {
          return l;
        }
      }
    }
    return EN;
  }
}
