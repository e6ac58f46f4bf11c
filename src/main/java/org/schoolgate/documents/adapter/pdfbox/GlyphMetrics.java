package org.schoolgate.documents.adapter.pdfbox;

import java.io.IOException;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Which characters one font can show and how wide they are, read once from the font file and
 * then shared, read-only, by every thread. Widths are in thousandths of the font size, the unit
 * PDF uses, and match the widths PDFBox writes for the embedded subset.
 */
final class GlyphMetrics {

  static final char REPLACEMENT = '?';
  private static final int LAST_PLANE_END = 0x20000;

  private final BitSet shown = new BitSet(0x10000);
  private final float[] bmpWidths = new float[0x10000];
  private final Map<Integer, Float> otherWidths = new HashMap<>();
  private final float ascent;
  private final float descent;

  GlyphMetrics(TrueTypeFont font) throws IOException {
    CmapLookup cmap = font.getUnicodeCmapLookup(false);
    float scale = 1000f / font.getUnitsPerEm();
    // DejaVu's glyphs all lie in the first two Unicode planes; anything beyond prints as '?'
    for (int codePoint = 0; codePoint < LAST_PLANE_END; codePoint++) {
      int glyph = cmap.getGlyphId(codePoint);
      if (glyph > 0 && !Character.isISOControl(codePoint)) {
        float width = font.getAdvanceWidth(glyph) * scale;
        shown.set(codePoint);
        if (codePoint < bmpWidths.length) {
          bmpWidths[codePoint] = width;
        } else {
          otherWidths.put(codePoint, width);
        }
      }
    }
    ascent = font.getHorizontalHeader().getAscender() * scale;
    descent = -font.getHorizontalHeader().getDescender() * scale;
  }

  boolean canShow(int codePoint) {
    return shown.get(codePoint);
  }

  /** Height above the baseline, in points, at this font size. */
  float ascent(float size) {
    return ascent * size / 1000f;
  }

  /** Depth below the baseline, in points, at this font size (a positive number). */
  float descent(float size) {
    return descent * size / 1000f;
  }

  /**
   * The text as this font will print it: composed (NFC) so "e" plus a combining diaeresis becomes
   * "ë", tabs and line breaks as spaces, and any character the font has no glyph for as '?'.
   */
  String printable(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = null;
    for (int i = 0; i < composed.length(); ) {
      int codePoint = composed.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      if (!shown.get(codePoint)) {
        if (out == null) {
          out = new StringBuilder(composed.length()).append(composed, 0, i);
        }
        out.append(Character.isWhitespace(codePoint) || Character.isISOControl(codePoint) ? ' ' : REPLACEMENT);
      } else if (out != null) {
        out.appendCodePoint(codePoint);
      }
      i = next;
    }
    return out == null ? composed : out.toString();
  }

  /** Width in points of text already made {@link #printable}. */
  float width(String printable, float size) {
    float total = 0;
    for (int i = 0; i < printable.length(); ) {
      int codePoint = printable.codePointAt(i);
      if (codePoint < bmpWidths.length) {
        total += bmpWidths[codePoint];
      } else {
        total += otherWidths.getOrDefault(codePoint, 0f);
      }
      i += Character.charCount(codePoint);
    }
    return total * size / 1000f;
  }
}
