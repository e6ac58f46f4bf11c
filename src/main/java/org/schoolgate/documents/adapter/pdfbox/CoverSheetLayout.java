package org.schoolgate.documents.adapter.pdfbox;

import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.MARGIN_TOP_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.contentWidth;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.left;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pt;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.right;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterRenderer.PrintBatch;

/**
 * The print room's cover sheet for a batch: what the batch is, for which school, how many letters,
 * who asked for it and when, and every recipient in print order.
 */
final class CoverSheetLayout {

  static final String DOUBLE_SIDED_NOTE =
      "Print double-sided. Every letter starts on a new sheet: a letter with an odd number of pages is followed by a blank page.";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

  private final GlyphMetrics regular;
  private final GlyphMetrics bold;

  CoverSheetLayout(GlyphMetrics regular, GlyphMetrics bold) {
    this.regular = regular;
    this.bold = bold;
  }

  List<PageMarks> layout(PrintBatch batch) {
    Flow flow = new Flow(regular, bold, next -> runningHeader(next, batch));
    float x = left();
    float width = contentWidth();
    flow.page.add(new PageMarks.Fill(x, pt(10), width, pt(2.2f), Colour.TEXT));
    flow.y = pt(16);
    flow.lines(flow.wrap(text(batch.title(), "Letters to post"), TextStyle.BOLD, 18f, width), x, TextStyle.BOLD, 18f, 23f, Colour.TEXT);
    flow.lines(flow.wrap(text(batch.schoolName(), ""), TextStyle.REGULAR, 12f, width), x, TextStyle.REGULAR, 12f, 16f, Colour.TEXT);
    flow.y += 8f;
    int count = batch.letters().size();
    List<String> facts = new ArrayList<>();
    facts.add(String.format(Locale.UK, "%,d %s", count, count == 1 ? "letter" : "letters"));
    String when = batch.requestedAt() == null ? "" : " on " + batch.requestedAt().format(WHEN);
    facts.add("Requested by " + text(batch.requestedBy(), "an unknown member of staff") + when);
    for (String fact : facts) {
      List<String> lines = flow.wrap(fact, TextStyle.REGULAR, Flow.BODY_SIZE, width);
      flow.lines(lines, x, TextStyle.REGULAR, Flow.BODY_SIZE, Flow.BODY_LEADING, Colour.TEXT);
    }
    flow.y += 4f;
    flow.lines(flow.wrap(DOUBLE_SIDED_NOTE, TextStyle.BOLD, Flow.BODY_SIZE, width), x, TextStyle.BOLD, Flow.BODY_SIZE, Flow.BODY_LEADING,
        Colour.TEXT);
    flow.y += Flow.PARAGRAPH_GAP + 4f;
    flow.bodyStartsHere();

    List<List<String>> rows = new ArrayList<>(count);
    int number = 1;
    for (LetterDocument letter : batch.letters()) {
      List<String> address = letter.addressLines();
      rows.add(List.of(String.format(Locale.UK, "%,d", number++), address.get(0), address.get(address.size() - 1)));
    }
    flow.table(List.of("No.", "Recipient (first address line)", "Last address line"), rows, x, width);
    LetterLayout.footers(flow, flow.pages, "Cover sheet, page %d of %d");
    return flow.pages;
  }

  private static void runningHeader(Flow flow, PrintBatch batch) {
    float top = pt(MARGIN_TOP_MM);
    String heading = text(batch.title(), "Letters to post") + " \u00b7 " + text(batch.schoolName(), "");
    String title = flow.metrics(TextStyle.BOLD).printable(heading);
    String shown = flow.fitted(title, TextStyle.BOLD, 8f, contentWidth());
    flow.text(left(), flow.baseline(top, TextStyle.BOLD, 8f, 11f), TextStyle.BOLD, 8f, Colour.MUTED, shown);
    flow.page.add(new PageMarks.Line(left(), top + 14f, right(), top + 14f, 0.5f, Colour.RULE));
    flow.y = top + 14f + pt(6);
  }

  private static String text(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
