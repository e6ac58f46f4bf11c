package org.schoolgate.documents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.schoolgate.documents.adapter.pdfbox.PdfBoxLetterRenderer;
import org.schoolgate.documents.port.LetterRenderer;

/** The one letter renderer of the application: PDFBox, with its fonts prepared once per node. */
@ApplicationScoped
public class LetterRendering {

  @Produces
  @ApplicationScoped
  LetterRenderer renderer() {
    return new PdfBoxLetterRenderer();
  }
}
