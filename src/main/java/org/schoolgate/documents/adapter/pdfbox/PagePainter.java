package org.schoolgate.documents.adapter.pdfbox;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/** Writes laid-out pages into a PDF: shapes first, then all the page's text in one text object. */
final class PagePainter {

  private static final PDRectangle A4 = new PDRectangle(LetterGeometry.pageWidth(), LetterGeometry.pageHeight());

  private PagePainter() {}

  static void blankPage(PDDocument document) {
    document.addPage(new PDPage(A4));
  }

  static void paint(PDDocument document, DejaVuFonts.Loan fonts, PDImageXObject logo, PageMarks marks) throws IOException {
    PDPage page = new PDPage(A4);
    document.addPage(page);
    float height = A4.getHeight();
    try (PDPageContentStream out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, true)) {
      Colour fill = null;
      Colour stroke = null;
      float lineWidth = -1;
      for (PageMarks.Mark mark : marks.marks) {
        if (mark instanceof PageMarks.Fill f) {
          if (!f.colour().equals(fill)) {
            out.setNonStrokingColor(f.colour().red(), f.colour().green(), f.colour().blue());
            fill = f.colour();
          }
          out.addRect(f.x(), height - f.top() - f.height(), f.width(), f.height());
          out.fill();
        } else if (mark instanceof PageMarks.Line l) {
          if (!l.colour().equals(stroke)) {
            out.setStrokingColor(l.colour().red(), l.colour().green(), l.colour().blue());
            stroke = l.colour();
          }
          if (l.width() != lineWidth) {
            out.setLineWidth(l.width());
            lineWidth = l.width();
          }
          out.moveTo(l.x1(), height - l.y1());
          out.lineTo(l.x2(), height - l.y2());
          out.stroke();
        } else if (mark instanceof PageMarks.Logo g && logo != null) {
          out.drawImage(logo, g.x(), height - g.top() - g.height(), g.width(), g.height());
        }
      }
      boolean inText = false;
      TextStyle style = null;
      float size = 0;
      for (PageMarks.Mark mark : marks.marks) {
        if (mark instanceof PageMarks.Text t) {
          if (!inText) {
            out.beginText();
            inText = true;
          }
          if (t.style() != style || t.size() != size) {
            out.setFont(fonts.font(t.style()), t.size());
            style = t.style();
            size = t.size();
          }
          if (!t.colour().equals(fill)) {
            out.setNonStrokingColor(t.colour().red(), t.colour().green(), t.colour().blue());
            fill = t.colour();
          }
          out.setTextMatrix(Matrix.getTranslateInstance(t.x(), height - t.baseline()));
          out.showText(t.text());
        }
      }
      if (inText) {
        out.endText();
      }
    }
  }
}
