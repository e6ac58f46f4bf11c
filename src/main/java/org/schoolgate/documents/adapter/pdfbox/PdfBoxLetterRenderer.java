package org.schoolgate.documents.adapter.pdfbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterRenderer;

/**
 * Letters and print batches as A4 PDFs drawn with PDFBox, in DejaVu Sans embedded as a subset.
 *
 * <p>Thread-safe and usable without a container: the fonts are read once when the renderer is
 * made, and each call builds its own document. A batch is written through a temporary scratch
 * file straight to the caller's stream, so memory stays flat however many letters it holds.
 * Layout decisions (the envelope window, duplex padding, page numbers) are in docs/letters.md.
 */
@jakarta.enterprise.inject.Vetoed
public final class PdfBoxLetterRenderer implements LetterRenderer {

  private static final Logger LOG = Logger.getLogger(PdfBoxLetterRenderer.class.getName());

  private final DejaVuFonts fonts;
  private final LetterLayout letters;
  private final CoverSheetLayout coverSheet;

  public PdfBoxLetterRenderer() {
    fonts = new DejaVuFonts();
    letters = new LetterLayout(fonts.metrics(TextStyle.REGULAR), fonts.metrics(TextStyle.BOLD));
    coverSheet = new CoverSheetLayout(fonts.metrics(TextStyle.REGULAR), fonts.metrics(TextStyle.BOLD));
  }

  @Override
  public int pageCount(byte[] pdf) {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF could not be read", e);
    }
  }

  @Override
  public byte[] render(LetterDocument letter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
    DejaVuFonts.Loan loan = null;
    try (PDDocument document = new PDDocument()) {
      loan = fonts.lend(document);
      describe(document, "Letter from " + letter.letterhead().schoolName());
      addLetter(document, loan, new Logos(document), letter);
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("The letter could not be drawn as a PDF", e);
    } finally {
      if (loan != null) {
        fonts.giveBack(loan);
      }
    }
    return out.toByteArray();
  }

  @Override
  public byte[] renderBatch(PrintBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024 + batch.letters().size() * 8 * 1024);
    renderBatch(batch, out);
    return out.toByteArray();
  }

  /**
   * The cover sheet (padded to an even number of pages), then each letter, each followed by a
   * blank page when it has an odd number of pages, so that printed double-sided every letter starts
   * on the front of a new sheet and no sheet carries two families' letters.
   */
  @Override
  public void renderBatch(PrintBatch batch, OutputStream out) {
    DejaVuFonts.Loan loan = null;
    try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      loan = fonts.lend(document);
      describe(document, batch.title());
      Logos logos = new Logos(document);
      padToEvenPages(document, paintAll(document, loan, null, coverSheet.layout(batch)));
      for (LetterDocument letter : batch.letters()) {
        padToEvenPages(document, addLetter(document, loan, logos, letter));
      }
      document.save(out);
      LOG.fine(() -> "Print batch drawn: " + batch.letters().size() + " letters, " + document.getNumberOfPages() + " pages");
    } catch (IOException e) {
      throw new UncheckedIOException("The print batch could not be drawn as a PDF", e);
    } finally {
      if (loan != null) {
        fonts.giveBack(loan);
      }
    }
  }

  private int addLetter(PDDocument document, DejaVuFonts.Loan loan, Logos logos, LetterDocument letter) throws IOException {
    Optional<PDImageXObject> logo = logos.of(letter.letterhead().logoSvgOrPng());
    LetterLayout.LogoSize size = logo.map(l -> new LetterLayout.LogoSize(l.getWidth(), l.getHeight())).orElse(null);
    return paintAll(document, loan, logo.orElse(null), letters.layout(letter, size));
  }

  private static int paintAll(PDDocument document, DejaVuFonts.Loan loan, PDImageXObject logo, List<PageMarks> pages) throws IOException {
    for (PageMarks page : pages) {
      PagePainter.paint(document, loan, logo, page);
    }
    return pages.size();
  }

  private static void padToEvenPages(PDDocument document, int pages) {
    if (pages % 2 == 1) {
      PagePainter.blankPage(document);
    }
  }

  private static void describe(PDDocument document, String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("Schoolgate");
  }

  /**
   * Logos embedded once per document, whatever number of letters use them. PNG and JPEG are drawn;
   * SVG, anything else, and images that cannot be read leave the letterhead without a logo.
   */
  private static final class Logos {
    private final PDDocument document;
    private final Map<ByteBuffer, Optional<PDImageXObject>> embedded = new HashMap<>();

    Logos(PDDocument document) {
      this.document = document;
    }

    Optional<PDImageXObject> of(byte[] bytes) {
      if (bytes == null || !(isPng(bytes) || isJpeg(bytes))) {
        return Optional.empty();
      }
      return embedded.computeIfAbsent(ByteBuffer.wrap(bytes), key -> embed(bytes));
    }

    private Optional<PDImageXObject> embed(byte[] bytes) {
      try {
        return Optional.of(PDImageXObject.createFromByteArray(document, bytes, isPng(bytes) ? "logo.png" : "logo.jpg"));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "A school logo could not be read; the letterhead is printed without it", e);
        return Optional.empty();
      }
    }

    private static boolean isPng(byte[] b) {
      return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
      return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }
  }
}
