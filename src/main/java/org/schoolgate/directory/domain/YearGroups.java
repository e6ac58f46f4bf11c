package org.schoolgate.directory.domain;

/** National curriculum year groups: 0 is Reception, -1 Nursery, 1 to 13 Years 1 to 13. */
public final class YearGroups {
  private YearGroups() {}

  public static String label(int yearGroup) {
    return switch (yearGroup) {
      case -1 -> "Nursery";
      case 0 -> "Reception";
      default -> "Year " + yearGroup;
    };
  }
}
