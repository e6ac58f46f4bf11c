package org.schoolgate.documents.adapter.pdfbox;

import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.ADDRESS_INSET_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.BODY_TOP_PAGE_ONE_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.FOOTER_BASELINE_FROM_BOTTOM_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.MARGIN_TOP_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.RIGHT_COLUMN_LEFT_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_HEIGHT_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_LEFT_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_TOP_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_WIDTH_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.contentWidth;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.left;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pageHeight;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pageWidth;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pt;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.right;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Bullets;
import org.schoolgate.documents.port.LetterDocument.Heading;
import org.schoolgate.documents.port.LetterDocument.Letterhead;
import org.schoolgate.documents.port.LetterDocument.Paragraph;
import org.schoolgate.documents.port.LetterDocument.Table;

/**
 * One letter laid out on A4 pages: the letterhead and the address in the envelope window on page
 * one, then the salutation, body, closing and signatory flowing down as many pages as they need,
 * and "Page N of M" at the foot of each.
 */
final class LetterLayout {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  static final float ADDRESS_SIZE = 10f;
  static final float ADDRESS_MIN_SIZE = 7f;
  private static final float BAR_TOP = pt(10);
  private static final float BAR_HEIGHT = pt(2.2f);
  private static final float LETTERHEAD_TOP = pt(16);
  private static final float LOGO_MAX_WIDTH = pt(40);
  private static final float LOGO_MAX_HEIGHT = pt(20);
  private static final float CONTACT_SIZE = 8.5f;
  private static final float CONTACT_LEADING = 11f;
  private static final float FOOTER_SIZE = 8f;

  /** The pixel size of the school's logo, or null when there is no logo to draw. */
  record LogoSize(int width, int height) {}

  private final GlyphMetrics regular;
  private final GlyphMetrics bold;

  LetterLayout(GlyphMetrics regular, GlyphMetrics bold) {
    this.regular = regular;
    this.bold = bold;
  }

  List<PageMarks> layout(LetterDocument letter, LogoSize logo) {
    Letterhead head = letter.letterhead();
    Colour brand = Colour.fromHex(head.brandColourHex());
    Colour brandText = brand.readableOnWhite();
    Flow flow = new Flow(regular, bold, next -> runningHeader(next, letter));

    float rightColumnBottom = letterhead(flow, head, brand, brandText, logo);
    rightColumnBottom = dateAndReference(flow, letter, rightColumnBottom);
    address(flow, letter.addressLines());

    flow.y = Math.max(pt(BODY_TOP_PAGE_ONE_MM), rightColumnBottom + pt(8));
    flow.bodyStartsHere();
    float x = left();
    float width = contentWidth();
    if (!isBlank(letter.salutation())) {
      flow.lines(flow.wrap(letter.salutation(), TextStyle.REGULAR, Flow.BODY_SIZE, width), x, TextStyle.REGULAR, Flow.BODY_SIZE,
          Flow.BODY_LEADING, Colour.TEXT);
      flow.y += Flow.PARAGRAPH_GAP;
    }
    for (Block block : letter.body()) {
      body(flow, block, x, width, brandText);
    }
    closing(flow, letter, x, width);
    footers(flow, flow.pages, "Page %d of %d");
    return flow.pages;
  }

  static void body(Flow flow, Block block, float x, float width, Colour headingColour) {
    if (block instanceof Heading heading) {
      flow.heading(heading.text(), x, width, headingColour);
    } else if (block instanceof Paragraph paragraph) {
      flow.paragraph(paragraph.text(), x, width);
    } else if (block instanceof Bullets bullets) {
      flow.bullets(bullets.items(), x, width);
    } else if (block instanceof Table table) {
      flow.table(table.headers(), table.rows(), x, width);
    }
  }

  /** Brand bar, logo and school name on the left, contact details on the right; returns the right column's bottom. */
  private static float letterhead(Flow flow, Letterhead head, Colour brand, Colour brandText, LogoSize logo) {
    flow.page.add(new PageMarks.Fill(left(), BAR_TOP, contentWidth(), BAR_HEIGHT, brand));

    float nameX = left();
    if (logo != null && logo.width() > 0 && logo.height() > 0) {
      float scale = Math.min(LOGO_MAX_WIDTH / logo.width(), LOGO_MAX_HEIGHT / logo.height());
      float w = logo.width() * scale;
      float h = logo.height() * scale;
      flow.page.add(new PageMarks.Logo(left(), LETTERHEAD_TOP, w, h));
      nameX += w + pt(5);
    }
    schoolName(flow, head.schoolName(), nameX, pt(RIGHT_COLUMN_LEFT_MM - 4) - nameX, brandText);

    List<String> contact = new ArrayList<>(head.addressLines());
    if (!isBlank(head.phone())) {
      contact.add("Tel " + head.phone().strip());
    }
    if (!isBlank(head.email())) {
      contact.add(head.email().strip());
    }
    float columnWidth = right() - pt(RIGHT_COLUMN_LEFT_MM);
    float top = LETTERHEAD_TOP;
    for (String item : contact) {
      for (String line : flow.wrap(item, TextStyle.REGULAR, CONTACT_SIZE, columnWidth)) {
        float width = flow.width(line, TextStyle.REGULAR, CONTACT_SIZE);
        flow.text(right() - width, flow.baseline(top, TextStyle.REGULAR, CONTACT_SIZE, CONTACT_LEADING), TextStyle.REGULAR, CONTACT_SIZE,
            Colour.MUTED, line);
        top += CONTACT_LEADING;
      }
    }
    return top;
  }

  /** The school's name in at most two lines, shrinking from 17 pt to 11 pt to fit, cut short only as a last resort. */
  private static void schoolName(Flow flow, String name, float x, float width, Colour colour) {
    float size = 17f;
    List<String> lines = flow.wrap(name, TextStyle.BOLD, size, width);
    while (lines.size() > 2 && size > 11f) {
      size -= 1f;
      lines = flow.wrap(name, TextStyle.BOLD, size, width);
    }
    if (lines.size() > 2) {
      lines = List.of(lines.get(0), flow.fitted(lines.get(1) + " " + lines.get(2), TextStyle.BOLD, size, width));
    }
    float leading = size * 1.2f;
    float top = LETTERHEAD_TOP;
    for (String line : lines) {
      flow.text(x, flow.baseline(top, TextStyle.BOLD, size, leading), TextStyle.BOLD, size, colour, line);
      top += leading;
    }
  }

  /** Date and reference at the right, level with the top of the address; returns their bottom. */
  private static float dateAndReference(Flow flow, LetterDocument letter, float rightColumnBottom) {
    float top = Math.max(rightColumnBottom + pt(5), pt(WINDOW_TOP_MM + ADDRESS_INSET_MM));
    List<String> lines = new ArrayList<>();
    if (letter.letterDate() != null) {
      lines.add(letter.letterDate().format(DATE));
    }
    if (!isBlank(letter.reference())) {
      lines.add("Our ref: " + letter.reference().strip());
    }
    float columnWidth = right() - pt(RIGHT_COLUMN_LEFT_MM);
    for (String item : lines) {
      for (String line : flow.wrap(item, TextStyle.REGULAR, Flow.BODY_SIZE, columnWidth)) {
        float width = flow.width(line, TextStyle.REGULAR, Flow.BODY_SIZE);
        flow.text(right() - width, flow.baseline(top, TextStyle.REGULAR, Flow.BODY_SIZE, Flow.BODY_LEADING), TextStyle.REGULAR,
            Flow.BODY_SIZE, Colour.TEXT, line);
        top += Flow.BODY_LEADING;
      }
    }
    return top;
  }

  /**
   * The recipient's address, inset inside the envelope window. The whole block shrinks (down to
   * 7 pt) when a line is too long for the window, and a line still too long is cut short: nothing
   * of the address may print outside the window.
   */
  static void address(Flow flow, List<String> addressLines) {
    float x = pt(WINDOW_LEFT_MM + ADDRESS_INSET_MM);
    float top = pt(WINDOW_TOP_MM + ADDRESS_INSET_MM);
    float width = pt(WINDOW_WIDTH_MM - 2 * ADDRESS_INSET_MM);
    float height = pt(WINDOW_HEIGHT_MM - 2 * ADDRESS_INSET_MM);
    GlyphMetrics m = flow.metrics(TextStyle.REGULAR);
    List<String> lines = addressLines.stream().map(m::printable).toList();
    float size = ADDRESS_SIZE;
    while (size > ADDRESS_MIN_SIZE && (widest(flow, lines, size) > width || lines.size() * size * 1.25f > height)) {
      size -= 0.5f;
    }
    float leading = size * 1.25f;
    for (String line : lines) {
      String shown = flow.fitted(line, TextStyle.REGULAR, size, width);
      flow.text(x, flow.baseline(top, TextStyle.REGULAR, size, leading), TextStyle.REGULAR, size, Colour.BLACK, shown);
      top += leading;
    }
  }

  private static float widest(Flow flow, List<String> lines, float size) {
    float widest = 0;
    for (String line : lines) {
      widest = Math.max(widest, flow.width(line, TextStyle.REGULAR, size));
    }
    return widest;
  }

  /** "Yours sincerely", room to sign, the signatory's name and role, kept together on one page. */
  private static void closing(Flow flow, LetterDocument letter, float x, float width) {
    List<String> closing = isBlank(letter.closing()) ? List.of() : flow.wrap(letter.closing(), TextStyle.REGULAR, Flow.BODY_SIZE, width);
    List<String> name = isBlank(letter.signatoryName()) ? List.of()
        : flow.wrap(letter.signatoryName(), TextStyle.BOLD, Flow.BODY_SIZE, width);
    List<String> role = isBlank(letter.signatoryRole()) ? List.of()
        : flow.wrap(letter.signatoryRole(), TextStyle.REGULAR, Flow.BODY_SIZE, width);
    float signingSpace = pt(15);
    flow.keep((closing.size() + name.size() + role.size()) * Flow.BODY_LEADING + signingSpace);
    flow.lines(closing, x, TextStyle.REGULAR, Flow.BODY_SIZE, Flow.BODY_LEADING, Colour.TEXT);
    flow.y += signingSpace;
    flow.lines(name, x, TextStyle.BOLD, Flow.BODY_SIZE, Flow.BODY_LEADING, Colour.TEXT);
    flow.lines(role, x, TextStyle.REGULAR, Flow.BODY_SIZE, Flow.BODY_LEADING, Colour.TEXT);
  }

  /** On pages after the first: the school's name, and the reference and recipient so loose pages find their letter. */
  private static void runningHeader(Flow flow, LetterDocument letter) {
    float top = pt(MARGIN_TOP_MM);
    float baseline = flow.baseline(top, TextStyle.BOLD, FOOTER_SIZE, 11f);
    String school = flow.metrics(TextStyle.BOLD).printable(letter.letterhead().schoolName());
    String schoolShown = flow.fitted(school, TextStyle.BOLD, FOOTER_SIZE, contentWidth() / 2);
    flow.text(left(), baseline, TextStyle.BOLD, FOOTER_SIZE, Colour.MUTED, schoolShown);
    String about = (isBlank(letter.reference()) ? "" : letter.reference().strip() + " \u00b7 ") + letter.addressLines().get(0);
    String aboutPrintable = flow.metrics(TextStyle.REGULAR).printable(about);
    String shown = flow.fitted(aboutPrintable, TextStyle.REGULAR, FOOTER_SIZE, contentWidth() / 2 - pt(4));
    flow.text(right() - flow.width(shown, TextStyle.REGULAR, FOOTER_SIZE), baseline, TextStyle.REGULAR, FOOTER_SIZE, Colour.MUTED, shown);
    flow.page.add(new PageMarks.Line(left(), top + 14f, right(), top + 14f, 0.5f, Colour.RULE));
    flow.y = top + 14f + pt(6);
  }

  /** A centred footer on every page, such as "Page 2 of 3". */
  static void footers(Flow flow, List<PageMarks> pages, String format) {
    float baseline = pageHeight() - pt(FOOTER_BASELINE_FROM_BOTTOM_MM);
    for (int i = 0; i < pages.size(); i++) {
      String text = String.format(Locale.UK, format, i + 1, pages.size());
      float width = flow.width(text, TextStyle.REGULAR, FOOTER_SIZE);
      pages.get(i).add(new PageMarks.Text((pageWidth() - width) / 2, baseline, TextStyle.REGULAR, FOOTER_SIZE, Colour.MUTED, text));
    }
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
