package org.schoolgate.messaging.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How long a text message is on the phone network, so staff see "2 text messages" before they
 * send to 900 families. A text written only in the GSM-7 alphabet fits 160 characters in one
 * message and 153 in each part of a longer one; the extension characters {@code ^ { } \ [ ~ ] | €}
 * (and form feed) take two places. One character outside that alphabet (Zoë, Łukasz, any Arabic or
 * Urdu letter, an emoji) switches the whole text to UCS-2: 70 units in one message, 67 in each
 * part, where a character beyond the basic plane (most emoji) takes two units. A character is
 * never split across two parts, as phones join the parts back together.
 *
 * @param encoding how the text travels
 * @param units characters as the network counts them: GSM-7 septets or UCS-2 code units
 * @param segments how many messages the network bills; 0 for an empty text
 * @param outsideGsm the characters, each once, that forced UCS-2 (empty for GSM-7)
 */
public record SmsLength(Encoding encoding, int units, int segments, List<String> outsideGsm) {

  /** How a text is carried, with its limits for one message and for each part of a longer one. */
  public enum Encoding {
    GSM_7("GSM-7", 160, 153),
    UCS_2("UCS-2 (Unicode)", 70, 67);

    private final String label;
    private final int single;
    private final int perPart;

    Encoding(String label, int single, int perPart) {
      this.label = label;
      this.single = single;
      this.perPart = perPart;
    }

    public String label() {
      return label;
    }

    /** Units that fit in a text sent as one message. */
    public int singleLimit() {
      return single;
    }

    /** Units that fit in each part of a text sent as several messages. */
    public int perPartLimit() {
      return perPart;
    }
  }

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  public SmsLength {
    outsideGsm = List.copyOf(outsideGsm);
  }

  /** The length of a text as it will be sent. */
  public static SmsLength of(String text) {
    String t = text == null ? "" : text;
    Set<String> outside = new LinkedHashSet<>();
    t.codePoints()
        .filter(cp -> gsmUnits(cp) == 0)
        .forEach(cp -> outside.add(new String(Character.toChars(cp))));
    Encoding encoding = outside.isEmpty() ? Encoding.GSM_7 : Encoding.UCS_2;
    List<Integer> sizes = new ArrayList<>();
    t.codePoints().forEach(cp -> sizes.add(encoding == Encoding.GSM_7 ? gsmUnits(cp) : Character.charCount(cp)));
    int units = sizes.stream().mapToInt(Integer::intValue).sum();
    return new SmsLength(encoding, units, segments(sizes, units, encoding), List.copyOf(outside));
  }

  /** Whether the text goes as one message. */
  public boolean fitsOneMessage() {
    return segments <= 1;
  }

  /** A line for the preview: "2 text messages, 170 characters (GSM-7)". */
  public String summary() {
    String count = segments == 1 ? "1 text message" : segments + " text messages";
    return count + ", " + units + " characters (" + encoding.label() + ")";
  }

  private static int segments(List<Integer> sizes, int units, Encoding encoding) {
    if (units == 0) {
      return 0;
    }
    if (units <= encoding.singleLimit()) {
      return 1;
    }
    int segments = 1;
    int used = 0;
    for (int size : sizes) {
      if (used + size > encoding.perPartLimit()) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return segments;
  }

  /** 1 for the basic GSM-7 alphabet, 2 for the extension table, 0 when GSM-7 cannot carry it. */
  private static int gsmUnits(int codePoint) {
    if (codePoint > 0xFFFF) {
      return 0;
    }
    char c = (char) codePoint;
    if (GSM_BASIC.indexOf(c) >= 0) {
      return 1;
    }
    return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
  }
}
