package org.schoolgate.documents.adapter.pdfbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_HEIGHT_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_LEFT_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_TOP_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.WINDOW_WIDTH_MM;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pt;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterDocument.Bullets;
import org.schoolgate.documents.port.LetterDocument.Heading;
import org.schoolgate.documents.port.LetterDocument.Letterhead;
import org.schoolgate.documents.port.LetterDocument.Paragraph;
import org.schoolgate.documents.port.LetterDocument.Table;
import org.schoolgate.documents.port.LetterRenderer.PrintBatch;

class PdfBoxLetterRendererTest {

  private static final PdfBoxLetterRenderer RENDERER = new PdfBoxLetterRenderer();

  @Test
  void every_field_of_a_letter_is_printed_in_reading_order() throws IOException {
    LetterDocument letter = SampleLetters.shortLetter("Mrs Grace Adeyemi", List.of(
        new Heading("Attendance this term"),
        new Paragraph("Grace has been in school every day since half term, which is wonderful to see."),
        new Bullets(List.of("Breakfast club opens at 7:45.", "The absence line is open from 7:30.")),
        new Table(List.of("Week", "Attendance"), List.of(List.of("Week 1", "100%"), List.of("Week 2", "90%"))),
        new Paragraph("Thank you for your support.")));

    String text = oneLine(textOf(RENDERER.render(letter), true));

    assertThat(text).containsSubsequence(
        "Riverside Academy", "Mill Lane", "NG7 2RD", "Tel 0115 496 0123", "office@riverside-academy.example.org",
        "3 March 2026", "Our ref: SG-4F2A9C10",
        "Dear Parent or Carer,",
        "Attendance this term",
        "Grace has been in school every day since half term, which is wonderful to see.",
        "Breakfast club opens at 7:45.", "The absence line is open from 7:30.",
        "Week Attendance", "Week 1 100%", "Week 2 90%",
        "Thank you for your support.",
        "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher",
        "Page 1 of 1");
    for (String line : letter.addressLines()) {
      assertThat(text).contains(line);
    }
  }

  @Test
  void the_address_is_inside_the_envelope_window_and_nothing_else_is() throws IOException {
    LetterDocument ordinary = SampleLetters.attendanceLetter(7);
    LetterDocument longest = new LetterDocument(SampleLetters.RIVERSIDE,
        List.of("Mr and Mrs Aleksander and Małgorzata Wiśniewski-Kowalczyk", "The Old Schoolhouse, Flat 14b", "123 Long Acre Road West",
            "Bramcote Hills", "Beeston", "Nottinghamshire", "NG9 3GH"),
        LocalDate.of(2026, 3, 3), "SG-0001", "Dear Mr and Mrs Wiśniewski-Kowalczyk,", List.of(new Paragraph("Hello.")),
        "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher");

    for (LetterDocument letter : List.of(ordinary, longest)) {
      try (PDDocument pdf = Loader.loadPDF(RENDERER.render(letter))) {
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.setSortByPosition(true);
        area.addRegion("window", window());
        area.extractRegions(pdf.getPage(0));
        List<String> shownInWindow = area.getTextForRegion("window").strip().lines().map(String::strip).toList();
        assertThat(shownInWindow).hasSize(letter.addressLines().size());
        for (int i = 0; i < shownInWindow.size(); i++) {
          String shown = shownInWindow.get(i);
          String expected = letter.addressLines().get(i);
          assertThat(expected.startsWith(shown.replace("\u2026", ""))).as("line %s shows as %s", expected, shown).isTrue();
        }

        GlyphBoxes glyphs = new GlyphBoxes();
        glyphs.read(pdf);
        List<String> touchingWindow = glyphs.linesTouching(window());
        assertThat(touchingWindow).isEqualTo(shownInWindow);
        assertThat(glyphs.boxesTouching(window())).allSatisfy(box -> assertThat(window().contains(box)).as("%s inside the window", box).isTrue());
      }
    }
    assertThat(shownAddress(ordinary)).containsExactlyElementsOf(ordinary.addressLines());
  }

  @Test
  void a_long_letter_flows_onto_two_pages_each_numbered_of_two() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(RENDERER.render(SampleLetters.attendanceLetter(1)))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      assertThat(pageText(pdf, 1)).contains("Page 1 of 2").doesNotContain("Page 2 of 2");
      assertThat(pageText(pdf, 2)).contains("Page 2 of 2").contains("Yours sincerely,");
    }
  }

  @Test
  void the_print_queue_counts_a_two_page_letter_as_two_pages() {
    assertThat(RENDERER.pageCount(RENDERER.render(SampleLetters.attendanceLetter(1)))).isEqualTo(2);
  }

  @Test
  void polish_romanian_and_irish_names_and_pound_signs_survive_a_round_trip() throws IOException {
    LetterDocument letter = new LetterDocument(SampleLetters.RIVERSIDE,
        List.of("Mr Łukasz Żółkiewski", "Ms Zoe\u0308 Ó Súilleabháin", "Ștefan Țurcanu, Strada Mare 3", "Brașov 500001"),
        LocalDate.of(2026, 3, 3), "SG-1", "Dear Mr Żółkiewski,",
        List.of(new Paragraph("Zoë's trip costs £12.50; Ștefan and Ioana's costs £0, thanks to ţ and ş donors. Ă Â Î Ș Ț ă â î ș ț.")),
        "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher");

    String text = textOf(RENDERER.render(letter), false);

    assertThat(text).contains("Mr Łukasz Żółkiewski", "Ms Zoë Ó Súilleabháin", "Ștefan Țurcanu", "Brașov", "Dear Mr Żółkiewski,",
        "£12.50", "ţ and ş", "Ă Â Î Ș Ț ă â î ș ț", "Mrs Ioana Ștefănescu").doesNotContain("?");
  }

  @Test
  void characters_the_font_cannot_show_print_as_question_marks_instead_of_failing() throws IOException {
    LetterDocument letter = new LetterDocument(
        new Letterhead("Riverside 学校 Academy", List.of("Mill Lane"), "0115 496 0123", "office@example.org", "#6b1b4f", null),
        List.of("Mr Wei 李", "4 Oak Road", "NG7 1AA"), LocalDate.of(2026, 3, 3), "SG-2", "Dear Mr Li 李,",
        List.of(new Heading("Trip 🚌"), new Paragraph("Thank you 谢谢 for the note.")), "Yours sincerely,", "Mrs Ioana Ștefănescu",
        "Headteacher");

    String text = textOf(RENDERER.render(letter), false);

    assertThat(text).contains("Riverside ?? Academy", "Mr Wei ?", "Dear Mr Li ?,", "Trip ?", "Thank you ?? for the note.");
  }

  @Test
  void a_print_batch_lists_every_recipient_on_its_cover_and_starts_each_letter_on_the_front_of_a_sheet() throws IOException {
    PrintBatch batch = SampleLetters.batch(61);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderBatch(batch, out);

    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      List<String> pages = pagesOf(pdf);
      String cover = oneLine(pages.get(0) + pages.get(1));
      assertThat(cover).contains("Letters to post", "Riverside Academy", "61 letters",
          "Requested by Mrs Amara Okafor on Tuesday 3 March 2026 at 14:05");
      assertThat(cover).containsSubsequence(batch.letters().stream().map(l -> l.addressLines().get(0) + " ").toList());
      assertThat(pdf.getNumberOfPages() % 2).isZero();

      List<Integer> firstPages = new ArrayList<>();
      List<String> firstLines = new ArrayList<>();
      for (int page = 1; page <= pages.size(); page++) {
        String text = pages.get(page - 1);
        if (text.contains("Page 1 of ")) {
          firstPages.add(page);
          firstLines.add(text);
        }
      }
      assertThat(firstPages).hasSize(61).allSatisfy(page -> assertThat(page % 2).as("page %d is a front", page).isEqualTo(1));
      for (int i = 0; i < 61; i++) {
        assertThat(firstLines.get(i)).contains(batch.letters().get(i).addressLines().get(0));
      }
      // a one-page letter is followed by a blank back; a two-page letter numbers its own pages
      int shortLetter = firstPages.get(2);
      assertThat(pages.get(shortLetter - 1)).contains("Page 1 of 1");
      assertThat(pages.get(shortLetter)).isBlank();
      assertThat(pages.get(firstPages.get(0))).contains("Page 2 of 2");
    }
  }

  @Test
  void a_batch_on_one_page_cover_pads_the_cover_with_a_blank_back() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(RENDERER.renderBatch(SampleLetters.batch(2)))) {
      assertThat(pageText(pdf, 1)).contains("Cover sheet, page 1 of 1");
      assertThat(pageText(pdf, 2)).isBlank();
      assertThat(pageText(pdf, 3)).contains("Page 1 of 2");
      assertThat(pdf.getNumberOfPages()).isEqualTo(6);
    }
  }

  @Test
  void an_address_with_too_few_lines_is_refused_with_a_plain_reason() {
    assertThatThrownBy(() -> new LetterDocument(SampleLetters.RIVERSIDE, List.of("Mrs Grace Adeyemi", " ", "NG9 2AA"),
            LocalDate.of(2026, 3, 3), "SG-4", "Dear Mrs Adeyemi,", List.of(), "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The address has 2 line(s); a letter needs a name, a street and a postcode");
  }

  @Test
  void a_long_table_continues_on_the_next_page_under_its_header_repeated() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 90; i++) {
      rows.add(List.of("Monday " + i + " March", i % 2 == 0 ? "Morning" : "Afternoon", "Illness (code I) reported by telephone"));
    }
    LetterDocument letter = SampleLetters.shortLetter("Mrs Grace Adeyemi",
        List.of(new Paragraph("Here is every session Grace missed."), new Table(List.of("Date", "Session", "Reason"), rows)));

    try (PDDocument pdf = Loader.loadPDF(RENDERER.render(letter))) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      List<String> rowsSeen = new ArrayList<>();
      List<String> pages = pagesOf(pdf);
      for (int page = 1; page <= pages.size(); page++) {
        List<String> lines = pages.get(page - 1).lines().map(String::strip).toList();
        List<String> tableLines = lines.stream().filter(l -> l.startsWith("Monday ")).toList();
        if (!tableLines.isEmpty()) {
          int header = lines.indexOf("Date Session Reason");
          assertThat(header).as("header on page %d", page).isGreaterThanOrEqualTo(0);
          assertThat(header).isLessThan(lines.indexOf(tableLines.get(0)));
        }
        rowsSeen.addAll(tableLines);
      }
      assertThat(rowsSeen).hasSize(90).first().asString().startsWith("Monday 1 March Afternoon");
      assertThat(rowsSeen.get(89)).startsWith("Monday 90 March Morning");
    }
  }

  @Test
  void a_png_logo_is_drawn_and_an_svg_logo_is_left_out() throws IOException {
    BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>".getBytes(StandardCharsets.UTF_8);

    assertThat(imagesOnPageOne(withLogo(png.toByteArray()))).isEqualTo(1);
    assertThat(imagesOnPageOne(withLogo(svg))).isZero();
    assertThat(imagesOnPageOne(withLogo(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0}))).isZero();
    assertThat(imagesOnPageOne(withLogo(null))).isZero();
  }

  @Test
  void letters_drawn_on_several_threads_at_once_come_out_the_same_as_one_at_a_time() throws Exception {
    String expected = textOf(RENDERER.render(SampleLetters.attendanceLetter(3)), false);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        results.add(pool.submit(() -> textOf(RENDERER.render(SampleLetters.attendanceLetter(3)), false)));
      }
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static Rectangle2D window() {
    return new Rectangle2D.Float(pt(WINDOW_LEFT_MM), pt(WINDOW_TOP_MM), pt(WINDOW_WIDTH_MM), pt(WINDOW_HEIGHT_MM));
  }

  private static List<String> shownAddress(LetterDocument letter) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(RENDERER.render(letter))) {
      PDFTextStripperByArea area = new PDFTextStripperByArea();
      area.setSortByPosition(true);
      area.addRegion("window", window());
      area.extractRegions(pdf.getPage(0));
      return area.getTextForRegion("window").strip().lines().map(String::strip).toList();
    }
  }

  private static LetterDocument withLogo(byte[] logo) {
    Letterhead head = new Letterhead("Riverside Academy", List.of("Mill Lane"), "0115 496 0123", "office@example.org", "#1b6b3a", logo);
    return new LetterDocument(head, List.of("Mrs Grace Adeyemi", "3 Elm Road", "NG9 2AA"), LocalDate.of(2026, 3, 3), "SG-3",
        "Dear Mrs Adeyemi,", List.of(new Paragraph("Hello.")), "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher");
  }

  private static int imagesOnPageOne(LetterDocument letter) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(RENDERER.render(letter))) {
      int images = 0;
      for (var name : pdf.getPage(0).getResources().getXObjectNames()) {
        if (pdf.getPage(0).getResources().isImageXObject(name)) {
          images++;
        }
      }
      return images;
    }
  }

  private static String textOf(byte[] pdf, boolean sortByPosition) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(sortByPosition);
      return stripper.getText(document);
    }
  }

  private static String textOf(PDDocument pdf, int firstPage, int lastPage) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(firstPage);
    stripper.setEndPage(lastPage);
    return stripper.getText(pdf);
  }

  /** The text of each page, read in one pass; a page with nothing on it (a blank back) reads as "". */
  private static List<String> pagesOf(PDDocument pdf) throws IOException {
    String[] pages = new String[pdf.getNumberOfPages()];
    java.util.Arrays.fill(pages, "");
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writePageStart() throws IOException {
        output.write("\f" + getCurrentPageNo() + "\n");
      }
    };
    stripper.setSortByPosition(true);
    for (String page : stripper.getText(pdf).split("\f")) {
      if (!page.isEmpty()) {
        int newline = page.indexOf('\n');
        pages[Integer.parseInt(page.substring(0, newline)) - 1] = page.substring(newline + 1);
      }
    }
    return List.of(pages);
  }

  private static String pageText(PDDocument pdf, int page) throws IOException {
    return textOf(pdf, page, page);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** Every glyph on page one with the box it covers, in points from the top-left. */
  private static final class GlyphBoxes extends PDFTextStripper {
    private final List<TextPosition> glyphs = new ArrayList<>();

    void read(PDDocument pdf) throws IOException {
      setSortByPosition(true);
      setStartPage(1);
      setEndPage(1);
      getText(pdf);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      glyphs.addAll(positions);
    }

    private static Rectangle2D box(TextPosition g) {
      float descent = g.getFontSizeInPt() * 0.24f;
      float ascent = g.getFontSizeInPt() * 0.93f;
      return new Rectangle2D.Float(g.getXDirAdj(), g.getYDirAdj() - ascent, g.getWidthDirAdj(), ascent + descent);
    }

    List<Rectangle2D> boxesTouching(Rectangle2D area) {
      return glyphs.stream().map(GlyphBoxes::box).filter(area::intersects).toList();
    }

    /** The text of glyphs touching the area, a line per baseline. */
    List<String> linesTouching(Rectangle2D area) {
      List<String> lines = new ArrayList<>();
      float baseline = Float.NaN;
      StringBuilder line = new StringBuilder();
      float lastEnd = 0;
      for (TextPosition g : glyphs) {
        if (!area.intersects(box(g))) {
          continue;
        }
        if (g.getYDirAdj() != baseline) {
          if (line.length() > 0) {
            lines.add(line.toString().strip());
          }
          line.setLength(0);
          baseline = g.getYDirAdj();
        } else if (g.getXDirAdj() - lastEnd > g.getWidthOfSpace() * 0.5f) {
          line.append(' ');
        }
        line.append(g.getUnicode());
        lastEnd = g.getXDirAdj() + g.getWidthDirAdj();
      }
      if (line.length() > 0) {
        lines.add(line.toString().strip());
      }
      return lines;
    }
  }
}
