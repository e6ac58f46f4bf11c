package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.html.Span;
import org.schoolgate.attendance.application.AttendanceSummaries;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.Rate;

/** Small shared pieces of the attendance screens: badges, trend arrows, rates. */
final class AttendanceBadges {
  private AttendanceBadges() {}

  /** "SA" (severe) or "PA" (persistent) badge, or an empty span. */
  static Span absenceBadge(AttendanceFigures f) {
    Span badge = new Span();
    if (f.severelyAbsent()) {
      badge.setText("SA");
      badge.getElement().getThemeList().add("badge error primary");
      badge.getElement().setAttribute("title", "Severely absent: 50% or more of sessions missed");
    } else if (f.persistentlyAbsent()) {
      badge.setText("PA");
      badge.getElement().getThemeList().add("badge error");
      badge.getElement().setAttribute("title", "Persistently absent: 10% or more of sessions missed");
    }
    badge.addClassName("sg-absence-badge");
    return badge;
  }

  /** An arrow with a text alternative for screen readers. */
  static Span trend(AttendanceSummaries.Trend trend) {
    Span arrow =
        switch (trend) {
          case UP -> new Span("▲");
          case DOWN -> new Span("▼");
          case FLAT -> new Span("–");
        };
    String words =
        switch (trend) {
          case UP -> "Rising this week";
          case DOWN -> "Falling this week";
          case FLAT -> "No change this week";
        };
    arrow.getElement().setAttribute("aria-label", words);
    arrow.getElement().setAttribute("title", words);
    arrow.addClassName("sg-trend-" + trend.name().toLowerCase(java.util.Locale.ROOT));
    return arrow;
  }

  static String rate(AttendanceFigures f) {
    return f.attendanceRate().map(r -> r.forStaff() + "%").orElse("No sessions yet");
  }

  static String rate(java.util.Optional<Rate> rate) {
    return rate.map(r -> r.forStaff() + "%").orElse("–");
  }
}
