package org.schoolgate.documents.adapter.pdfbox;

/** The two weights a letter uses. */
enum TextStyle {
  REGULAR,
  BOLD
}
