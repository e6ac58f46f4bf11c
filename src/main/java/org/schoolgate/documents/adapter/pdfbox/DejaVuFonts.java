package org.schoolgate.documents.adapter.pdfbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans regular and bold, read from the classpath (the jasperreports-fonts jar) once.
 *
 * <p>A {@link PDType0Font} belongs to one document, so each document loads its own, as a subset
 * (only the glyphs it uses are embedded). Parsing the 700 KB font files is the slow part, so parsed
 * fonts are kept in a small pool and lent to one document at a time: a parsed font is only ever
 * used by one thread at once, and PDFBox does not close a font it was lent.
 */
final class DejaVuFonts {

  static final String REGULAR_RESOURCE = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  static final String BOLD_RESOURCE = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

  private static final int MAX_IDLE = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

  private final byte[] regularBytes;
  private final byte[] boldBytes;
  private final GlyphMetrics regular;
  private final GlyphMetrics bold;
  private final ConcurrentLinkedQueue<Parsed> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  DejaVuFonts() {
    regularBytes = letterRepertoire(read(REGULAR_RESOURCE));
    boldBytes = letterRepertoire(read(BOLD_RESOURCE));
    Parsed first = parse();
    try {
      regular = new GlyphMetrics(first.regular);
      bold = new GlyphMetrics(first.bold);
    } catch (IOException e) {
      throw new UncheckedIOException("The DejaVu Sans fonts could not be read", e);
    }
    giveBack(first);
  }

  GlyphMetrics metrics(TextStyle style) {
    return style == TextStyle.BOLD ? bold : regular;
  }

  /** The two fonts, loaded into one document as subsets; give them back when the document is saved. */
  Loan lend(PDDocument document) throws IOException {
    Parsed parsed = idle.poll();
    if (parsed == null) {
      parsed = parse();
    } else {
      idleCount.decrementAndGet();
    }
    return new Loan(parsed, PDType0Font.load(document, parsed.regular, true), PDType0Font.load(document, parsed.bold, true));
  }

  void giveBack(Loan loan) {
    giveBack(loan.parsed);
  }

  private void giveBack(Parsed parsed) {
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.add(parsed);
    } else {
      idleCount.decrementAndGet();
      parsed.close();
    }
  }

  private Parsed parse() {
    try {
      TTFParser parser = new TTFParser();
      return new Parsed(parser.parse(new RandomAccessReadBuffer(regularBytes)), parser.parse(new RandomAccessReadBuffer(boldBytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("The DejaVu Sans fonts could not be read", e);
    }
  }

  /**
   * The characters letters are written in: Latin (with every accented letter of European
   * languages, Vietnamese and Irish), Greek, Cyrillic, combining accents, punctuation, currency
   * signs, arrows and simple shapes. Anything else prints as '?'.
   */
  static final int[][] REPERTOIRE = {
    {0x0020, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
    {0x20A0, 0x20CF}, {0x2100, 0x215F}, {0x2190, 0x21FF}, {0x2212, 0x2212}, {0x25A0, 0x25FF},
    {0x2713, 0x2714}, {0xFB00, 0xFB06}, {0xFFFD, 0xFFFD}
  };

  /**
   * DejaVu Sans cut down, once, to {@link #REPERTOIRE}: about 1,700 glyphs instead of 6,000. Every
   * document that loads a font pays for each glyph in it (PDFBox builds and reads back a width for
   * every glyph even when it embeds a subset), so the smaller font makes each letter several
   * milliseconds quicker. The cut-down font also leaves out the glyph substitution table, which
   * letters do not need (text is composed, NFC, and every composed letter has its own glyph).
   */
  private static final List<String> KEPT_TABLES =
      List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post", "hmtx", "loca", "glyf", "cvt ", "fpgm", "prep", "gasp");

  static byte[] letterRepertoire(byte[] font) {
    try (TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      TTFSubsetter subsetter = new TTFSubsetter(full, KEPT_TABLES);
      Set<Integer> codePoints = new HashSet<>();
      for (int[] range : REPERTOIRE) {
        for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
          codePoints.add(codePoint);
        }
      }
      subsetter.addAll(codePoints);
      ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 2);
      subsetter.writeToStream(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The DejaVu Sans fonts could not be prepared", e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = DejaVuFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The font " + resource + " is missing from the classpath (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The font " + resource + " could not be read", e);
    }
  }

  /** The regular and bold fonts as loaded into one document. */
  record Loan(Parsed parsed, PDType0Font regular, PDType0Font bold) {
    PDType0Font font(TextStyle style) {
      return style == TextStyle.BOLD ? bold : regular;
    }
  }

  /** Parsed font files, lent to one document at a time. */
  record Parsed(TrueTypeFont regular, TrueTypeFont bold) {
    void close() {
      try {
        regular.close();
        bold.close();
      } catch (IOException ignored) {
        // nothing is lost: the font was only read
      }
    }
  }
}
