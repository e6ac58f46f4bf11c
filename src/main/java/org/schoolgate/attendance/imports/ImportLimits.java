package org.schoolgate.attendance.imports;

/** How large an import may be, and how many of its errors are reported. */
public record ImportLimits(long maxBytes, int errorsReported) {

  /** 2 GB: a year of a large trust's marks (7.6 million rows) is about 300 MB. */
  public static final long MAX_BYTES = 2_000_000_000L;

  public static final ImportLimits STANDARD = new ImportLimits(MAX_BYTES, ImportProblems.DEFAULT_LIMIT);

  static String describeBytes(long bytes) {
    if (bytes >= 1_000_000_000L && bytes % 1_000_000_000L == 0) {
      return bytes / 1_000_000_000L + " GB";
    }
    if (bytes >= 1_000_000L && bytes % 1_000_000L == 0) {
      return bytes / 1_000_000L + " MB";
    }
    return bytes + " bytes";
  }
}
