package org.schoolgate.documents.adapter.pdfbox;

import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.bodyBottom;
import static org.schoolgate.documents.adapter.pdfbox.LetterGeometry.pt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Text flowing down pages: a cursor on the current page that moves to a new page when the next
 * line, row or block does not fit above the bottom margin. Positions are points from the top-left.
 */
final class Flow {

  static final float BODY_SIZE = 10f;
  static final float BODY_LEADING = 14f;
  static final float PARAGRAPH_GAP = 7f;
  static final float TABLE_SIZE = 9f;
  static final float TABLE_LEADING = 11.5f;
  private static final float CELL_PAD_X = 4f;
  private static final float CELL_PAD_Y = 3.5f;
  private static final float BULLET_INDENT = pt(6);
  private static final String BULLET = "\u2022";
  private static final String ELLIPSIS = "\u2026";

  private final GlyphMetrics regular;
  private final GlyphMetrics bold;
  private final Consumer<Flow> startOfNextPage;
  final List<PageMarks> pages = new ArrayList<>();
  PageMarks page;
  /** Top of the next thing to place. */
  float y;

  private float pageBodyTop;

  /**
   * @param startOfNextPage draws whatever heads a page after the first (a running header) and sets
   *     {@link #y} below it
   */
  Flow(GlyphMetrics regular, GlyphMetrics bold, Consumer<Flow> startOfNextPage) {
    this.regular = regular;
    this.bold = bold;
    this.startOfNextPage = startOfNextPage;
    page = new PageMarks();
    pages.add(page);
  }

  GlyphMetrics metrics(TextStyle style) {
    return style == TextStyle.BOLD ? bold : regular;
  }

  void newPage() {
    page = new PageMarks();
    pages.add(page);
    y = pt(LetterGeometry.MARGIN_TOP_MM);
    startOfNextPage.accept(this);
    pageBodyTop = y;
  }

  /** Marks where the body starts on the current page, so a block there never forces a new page. */
  void bodyStartsHere() {
    pageBodyTop = y;
  }

  boolean fits(float height) {
    return y + height <= bodyBottom() + 0.01f;
  }

  /** Moves to a new page unless {@code height} still fits, or nothing has been placed on this page. */
  void keep(float height) {
    if (!fits(height) && y > pageBodyTop + 0.01f) {
      newPage();
    }
  }

  float bodyHeightOfFreshPage() {
    return bodyBottom() - pageBodyTop;
  }

  // ---- text primitives -------------------------------------------------------------------------

  float width(String printable, TextStyle style, float size) {
    return metrics(style).width(printable, size);
  }

  /** Baseline of a line of text whose line box starts at {@code top}. */
  float baseline(float top, TextStyle style, float size, float leading) {
    GlyphMetrics m = metrics(style);
    float glyphHeight = m.ascent(size) + m.descent(size);
    return top + (leading - glyphHeight) / 2f + m.ascent(size);
  }

  void text(float x, float baseline, TextStyle style, float size, Colour colour, String printable) {
    if (!printable.isBlank()) {
      page.add(new PageMarks.Text(x, baseline, style, size, colour, printable));
    }
  }

  /** Lines of {@code text} no wider than {@code width}; breaks at spaces, and inside a word only when it alone is too wide. */
  List<String> wrap(String text, TextStyle style, float size, float width) {
    GlyphMetrics m = metrics(style);
    List<String> lines = new ArrayList<>();
    String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    for (String hardLine : source.split("\n", -1)) {
      String printable = m.printable(hardLine);
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      float space = m.width(" ", size);
      for (String word : printable.trim().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        float wordWidth = m.width(word, size);
        float needed = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
        if (needed <= width) {
          if (line.length() > 0) {
            line.append(' ');
          }
          line.append(word);
          lineWidth = needed;
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
          lineWidth = 0;
        }
        if (wordWidth <= width) {
          line.append(word);
          lineWidth = wordWidth;
        } else {
          lineWidth = breakLongWord(word, m, size, width, lines, line);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static float breakLongWord(String word, GlyphMetrics m, float size, float width, List<String> lines, StringBuilder line) {
    float lineWidth = 0;
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      String glyph = new String(Character.toChars(codePoint));
      float glyphWidth = m.width(glyph, size);
      if (lineWidth + glyphWidth > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      line.append(glyph);
      lineWidth += glyphWidth;
      i += glyph.length();
    }
    return lineWidth;
  }

  /** {@code printable} cut short with an ellipsis so that it is no wider than {@code width}. */
  String fitted(String printable, TextStyle style, float size, float width) {
    GlyphMetrics m = metrics(style);
    if (m.width(printable, size) <= width) {
      return printable;
    }
    String cut = printable;
    while (!cut.isEmpty() && m.width(cut + ELLIPSIS, size) > width) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return cut.stripTrailing() + ELLIPSIS;
  }

  // ---- body blocks -----------------------------------------------------------------------------

  /** Wrapped lines at the cursor, moving to a new page between lines when needed. */
  void lines(List<String> lines, float x, TextStyle style, float size, float leading, Colour colour) {
    for (String line : lines) {
      keep(leading);
      text(x, baseline(y, style, size, leading), style, size, colour, line);
      y += leading;
    }
  }

  void paragraph(String text, float x, float width) {
    List<String> lines = wrap(text, TextStyle.REGULAR, BODY_SIZE, width);
    keep(Math.min(2, lines.size()) * BODY_LEADING);
    lines(lines, x, TextStyle.REGULAR, BODY_SIZE, BODY_LEADING, Colour.TEXT);
    y += PARAGRAPH_GAP;
  }

  void heading(String text, float x, float width, Colour colour) {
    float size = 11.5f;
    float leading = 15f;
    List<String> lines = wrap(text, TextStyle.BOLD, size, width);
    y += 3f;
    keep(lines.size() * leading + 2 * BODY_LEADING);
    lines(lines, x, TextStyle.BOLD, size, leading, colour);
    y += 2f;
  }

  void bullets(List<String> items, float x, float width) {
    for (String item : items) {
      List<String> lines = wrap(item, TextStyle.REGULAR, BODY_SIZE, width - BULLET_INDENT);
      keep(Math.min(2, lines.size()) * BODY_LEADING);
      text(x + pt(1.5f), baseline(y, TextStyle.REGULAR, BODY_SIZE, BODY_LEADING), TextStyle.REGULAR, BODY_SIZE, Colour.TEXT, BULLET);
      lines(lines, x + BULLET_INDENT, TextStyle.REGULAR, BODY_SIZE, BODY_LEADING, Colour.TEXT);
      y += 2f;
    }
    y += PARAGRAPH_GAP - 2f;
  }

  /**
   * A table with borders, its columns sized to their contents. The header row (left out when every
   * heading is blank) is repeated at the top of each page the table continues on; a row moves to
   * the next page whole unless it is taller than a page.
   */
  void table(List<String> headers, List<List<String>> rows, float x, float width) {
    int columns = headers.size();
    for (List<String> row : rows) {
      columns = Math.max(columns, row.size());
    }
    if (columns == 0) {
      return;
    }
    boolean hasHeader = headers.stream().anyMatch(h -> h != null && !h.isBlank());
    float[] widths = columnWidths(headers, hasHeader, rows, columns, width);
    List<List<String>> header = hasHeader ? cells(headers, columns, widths, TextStyle.BOLD) : null;
    float headerHeight = header == null ? 0 : rowHeight(header);
    float firstRowHeight = rows.isEmpty() ? 0 : rowHeight(cells(rows.get(0), columns, widths, TextStyle.REGULAR));
    keep(headerHeight + Math.min(firstRowHeight, 3 * TABLE_LEADING + 2 * CELL_PAD_Y));
    if (header != null) {
      drawRow(header, x, widths, TextStyle.BOLD, Colour.HEADER_FILL);
    }
    for (List<String> row : rows) {
      List<List<String>> cells = cells(row, columns, widths, TextStyle.REGULAR);
      float height = rowHeight(cells);
      if (!fits(height) && height <= bodyHeightOfFreshPage() - headerHeight) {
        continueTableOnNewPage(header, x, widths);
      }
      while (!fits(height)) {
        int linesThatFit = (int) Math.floor((bodyBottom() - y - 2 * CELL_PAD_Y) / TABLE_LEADING);
        if (linesThatFit < 1 && y > pageBodyTop + headerHeight + 0.01f) {
          continueTableOnNewPage(header, x, widths);
          continue;
        }
        linesThatFit = Math.max(1, linesThatFit);
        drawRow(take(cells, linesThatFit), x, widths, TextStyle.REGULAR, null);
        cells = drop(cells, linesThatFit);
        height = rowHeight(cells);
        continueTableOnNewPage(header, x, widths);
      }
      drawRow(cells, x, widths, TextStyle.REGULAR, null);
    }
    y += PARAGRAPH_GAP + 3f;
  }

  private void continueTableOnNewPage(List<List<String>> header, float x, float[] widths) {
    newPage();
    if (header != null) {
      drawRow(header, x, widths, TextStyle.BOLD, Colour.HEADER_FILL);
    }
  }

  private float[] columnWidths(List<String> headers, boolean hasHeader, List<List<String>> rows, int columns, float width) {
    float[] natural = new float[columns];
    float[] minimum = new float[columns];
    if (hasHeader) {
      measure(headers, TextStyle.BOLD, natural, minimum);
    }
    for (List<String> row : rows) {
      measure(row, TextStyle.REGULAR, natural, minimum);
    }
    float naturalTotal = 0;
    float minimumTotal = 0;
    for (int c = 0; c < columns; c++) {
      natural[c] = Math.max(natural[c], minimum[c]) + 2 * CELL_PAD_X + 1;
      minimum[c] = minimum[c] + 2 * CELL_PAD_X + 1;
      naturalTotal += natural[c];
      minimumTotal += minimum[c];
    }
    float[] widths = new float[columns];
    for (int c = 0; c < columns; c++) {
      if (naturalTotal <= width) {
        // a table with headings spans the page; a list of labels and values stays as narrow as its text
        float stretched = natural[c] * width / naturalTotal;
        widths[c] = hasHeader ? stretched : Math.min(stretched, natural[c] + pt(8));
      } else if (minimumTotal <= width) {
        widths[c] = minimum[c] + (natural[c] - minimum[c]) * (width - minimumTotal) / (naturalTotal - minimumTotal);
      } else {
        widths[c] = minimum[c] * width / minimumTotal;
      }
    }
    return widths;
  }

  private void measure(List<String> row, TextStyle style, float[] natural, float[] minimum) {
    GlyphMetrics m = metrics(style);
    for (int c = 0; c < row.size(); c++) {
      String printable = m.printable(row.get(c));
      natural[c] = Math.max(natural[c], m.width(printable, TABLE_SIZE));
      for (String word : printable.split(" +")) {
        minimum[c] = Math.max(minimum[c], Math.min(m.width(word, TABLE_SIZE), pt(40)));
      }
    }
  }

  private List<List<String>> cells(List<String> row, int columns, float[] widths, TextStyle style) {
    List<List<String>> cells = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      String value = c < row.size() ? row.get(c) : "";
      cells.add(wrap(value, style, TABLE_SIZE, widths[c] - 2 * CELL_PAD_X));
    }
    return cells;
  }

  private static float rowHeight(List<List<String>> cells) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines * TABLE_LEADING + 2 * CELL_PAD_Y;
  }

  private static List<List<String>> take(List<List<String>> cells, int lines) {
    return cells.stream().map(cell -> cell.subList(0, Math.min(lines, cell.size()))).toList();
  }

  private static List<List<String>> drop(List<List<String>> cells, int lines) {
    return cells.stream().map(cell -> cell.subList(Math.min(lines, cell.size()), cell.size())).toList();
  }

  private void drawRow(List<List<String>> cells, float x, float[] widths, TextStyle style, Colour fill) {
    float height = rowHeight(cells);
    float tableWidth = 0;
    for (float w : widths) {
      tableWidth += w;
    }
    if (fill != null) {
      page.add(new PageMarks.Fill(x, y, tableWidth, height, fill));
    }
    float cellX = x;
    for (int c = 0; c < cells.size(); c++) {
      float lineTop = y + CELL_PAD_Y;
      for (String line : cells.get(c)) {
        text(cellX + CELL_PAD_X, baseline(lineTop, style, TABLE_SIZE, TABLE_LEADING), style, TABLE_SIZE, Colour.TEXT, line);
        lineTop += TABLE_LEADING;
      }
      cellX += widths[c];
    }
    float stroke = 0.5f;
    page.add(new PageMarks.Line(x, y, x + tableWidth, y, stroke, Colour.RULE));
    page.add(new PageMarks.Line(x, y + height, x + tableWidth, y + height, stroke, Colour.RULE));
    float lineX = x;
    page.add(new PageMarks.Line(lineX, y, lineX, y + height, stroke, Colour.RULE));
    for (float w : widths) {
      lineX += w;
      page.add(new PageMarks.Line(lineX, y, lineX, y + height, stroke, Colour.RULE));
    }
    y += height;
  }
}
