package org.schoolgate.documents.adapter.pdfbox;

/**
 * Where things sit on an A4 letter, in millimetres from the top-left corner of the sheet, and the
 * conversion to PDF points. The figures are explained in docs/letters.md.
 */
public final class LetterGeometry {

  public static final float PAGE_WIDTH_MM = 210f;
  public static final float PAGE_HEIGHT_MM = 297f;

  public static final float MARGIN_LEFT_MM = 20f;
  public static final float MARGIN_RIGHT_MM = 20f;
  public static final float MARGIN_TOP_MM = 15f;
  /** Body text stops here; the page number sits below it. */
  public static final float MARGIN_BOTTOM_MM = 22f;
  /** Baseline of "Page N of M", measured up from the bottom edge. */
  public static final float FOOTER_BASELINE_FROM_BOTTOM_MM = 12f;

  /**
   * The window of a C5 window envelope as it falls on the folded A4 sheet: 20 mm from the left
   * edge, top 45 mm from the top edge, 90 mm wide and 45 mm tall.
   */
  public static final float WINDOW_LEFT_MM = 20f;

  public static final float WINDOW_TOP_MM = 45f;
  public static final float WINDOW_WIDTH_MM = 90f;
  public static final float WINDOW_HEIGHT_MM = 45f;

  /**
   * The address is printed this far inside every edge of the window, so it stays visible when the
   * sheet moves a few millimetres in the envelope or the envelope's window sits up to 5 mm lower.
   */
  public static final float ADDRESS_INSET_MM = 5f;

  /** The right-hand column (school contact details, date and reference) starts here. */
  public static final float RIGHT_COLUMN_LEFT_MM = 122f;

  /** The body of page one starts no higher than this, below the window. */
  public static final float BODY_TOP_PAGE_ONE_MM = 98f;

  private static final float POINTS_PER_MM = 72f / 25.4f;

  private LetterGeometry() {}

  /** Millimetres to PDF points (1/72 inch). */
  public static float pt(float mm) {
    return mm * POINTS_PER_MM;
  }

  /** PDF points to millimetres. */
  public static float mm(float points) {
    return points / POINTS_PER_MM;
  }

  static float pageWidth() {
    return pt(PAGE_WIDTH_MM);
  }

  static float pageHeight() {
    return pt(PAGE_HEIGHT_MM);
  }

  static float left() {
    return pt(MARGIN_LEFT_MM);
  }

  static float right() {
    return pt(PAGE_WIDTH_MM - MARGIN_RIGHT_MM);
  }

  static float contentWidth() {
    return right() - left();
  }

  static float bodyBottom() {
    return pt(PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM);
  }
}
