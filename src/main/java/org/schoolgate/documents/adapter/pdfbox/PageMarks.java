package org.schoolgate.documents.adapter.pdfbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything to draw on one page, measured in points from the page's top-left corner, so that a
 * letter can be laid out (and its pages counted) before anything is written to the PDF.
 */
final class PageMarks {

  /** One thing drawn on a page. */
  sealed interface Mark permits Text, Fill, Line, Logo {}

  /** A run of text already made printable by the font's metrics; {@code baseline} from the top. */
  record Text(float x, float baseline, TextStyle style, float size, Colour colour, String text) implements Mark {}

  /** A filled rectangle. */
  record Fill(float x, float top, float width, float height, Colour colour) implements Mark {}

  /** A straight line. */
  record Line(float x1, float y1, float x2, float y2, float width, Colour colour) implements Mark {}

  /** The school's logo, scaled into this box. */
  record Logo(float x, float top, float width, float height) implements Mark {}

  final List<Mark> marks = new ArrayList<>();

  void add(Mark mark) {
    marks.add(mark);
  }
}
