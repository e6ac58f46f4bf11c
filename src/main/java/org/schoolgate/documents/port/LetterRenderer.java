package org.schoolgate.documents.port;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns letters into print-ready PDF bytes. PDF library types never leave the adapter. */
public interface LetterRenderer {

  /** How many pages a PDF this renderer made has (the print queue shows it). */
  int pageCount(byte[] pdf);

  /** One letter, A4, with page numbers. */
  byte[] render(LetterDocument letter);

  /**
   * A batch for the print room as one PDF: a cover sheet first (title, count, who asked for it,
   * when, and the list of recipients), then every letter starting on a fresh sheet.
   */
  byte[] renderBatch(PrintBatch batch);

  /**
   * The same print batch written straight to {@code out}, so a batch of a thousand letters need not
   * be held in memory as one byte array. The stream is not closed.
   */
  default void renderBatch(PrintBatch batch, OutputStream out) {
    try {
      out.write(renderBatch(batch));
    } catch (IOException e) {
      throw new UncheckedIOException("The print batch could not be written", e);
    }
  }

  /** What goes on a print batch's cover sheet, and its letters in print order. */
  record PrintBatch(String title, String schoolName, String requestedBy, java.time.LocalDateTime requestedAt, List<LetterDocument> letters) {
    public PrintBatch {
      letters = List.copyOf(letters);
    }
  }
}
