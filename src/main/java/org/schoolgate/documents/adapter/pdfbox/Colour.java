package org.schoolgate.documents.adapter.pdfbox;

import java.util.regex.Pattern;

/** An RGB colour with components from 0 to 1. */
record Colour(float red, float green, float blue) {

  static final Colour BLACK = new Colour(0, 0, 0);
  static final Colour TEXT = new Colour(0.1f, 0.1f, 0.1f);
  static final Colour MUTED = new Colour(0.35f, 0.35f, 0.35f);
  static final Colour RULE = new Colour(0.55f, 0.55f, 0.55f);
  static final Colour HEADER_FILL = new Colour(0.92f, 0.92f, 0.92f);
  /** Schoolgate's own blue, used when a school has no brand colour or an unreadable one. */
  static final Colour DEFAULT_BRAND = new Colour(0x1f / 255f, 0x4e / 255f, 0x79 / 255f);

  private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

  /** "#6b1b4f", "6b1b4f" or "#abc"; anything else gives the default brand colour. */
  static Colour fromHex(String hex) {
    if (hex == null || !HEX.matcher(hex.strip()).matches()) {
      return DEFAULT_BRAND;
    }
    String digits = hex.strip().replace("#", "");
    if (digits.length() == 3) {
      digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2) + digits.charAt(2);
    }
    int rgb = Integer.parseInt(digits, 16);
    return new Colour(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
  }

  /** This colour if text in it reads well on white paper, otherwise near-black. */
  Colour readableOnWhite() {
    double luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    return luminance > 0.55 ? TEXT : this;
  }
}
