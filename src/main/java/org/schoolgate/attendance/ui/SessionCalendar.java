package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.schoolgate.attendance.application.StoredMark;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CodeCategory;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/**
 * A month-by-month calendar of a pupil's sessions, each half-day coloured by how it counts
 * (present, approved activity, authorised, unauthorised, not counted, unmarked), with a legend.
 * Every session also carries its meaning as text, so the colours are never the only signal.
 */
class SessionCalendar extends Div {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  /** How a session is shown. */
  enum Kind {
    PRESENT("Present", "sg-cal-present"),
    ACTIVITY("Approved educational activity", "sg-cal-activity"),
    LATE("Late before the register closed", "sg-cal-late"),
    AUTHORISED("Authorised absence", "sg-cal-authorised"),
    UNAUTHORISED("Unauthorised absence", "sg-cal-unauthorised"),
    NOT_COUNTED("Not counted", "sg-cal-not-counted"),
    UNMARKED("No mark yet", "sg-cal-unmarked"),
    CLOSED("School closed", "sg-cal-closed");

    final String label;
    final String css;

    Kind(String label, String css) {
      this.label = label;
      this.css = css;
    }

    static Kind of(AttendanceCode code) {
      if (code.category() == CodeCategory.APPROVED_EDUCATIONAL_ACTIVITY) {
        return ACTIVITY;
      }
      if (code.late() && code.countsAs() == CountsAs.ATTENDED) {
        return LATE;
      }
      return switch (code.countsAs()) {
        case ATTENDED -> PRESENT;
        case AUTHORISED -> AUTHORISED;
        case UNAUTHORISED -> UNAUTHORISED;
        case NOT_COUNTED -> NOT_COUNTED;
      };
    }
  }

  SessionCalendar(List<StoredMark> marks, SchoolCalendar calendar, CodeBook codes, LocalDate from, LocalDate to) {
    addClassName("sg-session-calendar");
    setId("session-calendar");
    Map<String, StoredMark> byKey = new HashMap<>();
    marks.forEach(m -> byKey.put(m.date() + m.session().name(), m));
    add(legend());
    Div months = new Div();
    months.addClassName("sg-cal-months");
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
      months.add(month(month, byKey, calendar, codes, from, to));
    }
    add(months);
  }

  private static Div legend() {
    Div legend = new Div();
    legend.addClassName("sg-cal-legend");
    for (Kind kind : Kind.values()) {
      Span swatch = new Span();
      swatch.addClassNames("sg-cal-swatch", kind.css);
      Span item = new Span(swatch, new Span(kind.label));
      item.addClassName("sg-cal-legend-item");
      legend.add(item);
    }
    return legend;
  }

  private static Div month(
      YearMonth month, Map<String, StoredMark> marks, SchoolCalendar calendar, CodeBook codes, LocalDate from, LocalDate to) {
    Div box = new Div();
    box.addClassName("sg-cal-month");
    box.add(new H3(month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear()));
    Div grid = new Div();
    grid.addClassName("sg-cal-grid");
    for (DayOfWeek d = DayOfWeek.MONDAY; d != DayOfWeek.SATURDAY; d = d.plus(1)) {
      Span head = new Span(d.getDisplayName(TextStyle.SHORT, Locale.UK));
      head.addClassName("sg-cal-head");
      grid.add(head);
    }
    LocalDate first = month.atDay(1);
    int offset = first.getDayOfWeek().getValue() - 1;
    for (int i = 0; i < Math.min(offset, 5); i++) {
      grid.add(new Span());
    }
    for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() > 5) {
        continue;
      }
      grid.add(day(day, marks, calendar, codes, from, to));
    }
    box.add(grid);
    return box;
  }

  private static Div day(LocalDate day, Map<String, StoredMark> marks, SchoolCalendar calendar, CodeBook codes, LocalDate from, LocalDate to) {
    Div cell = new Div();
    cell.addClassName("sg-cal-day");
    Span number = new Span(String.valueOf(day.getDayOfMonth()));
    number.addClassName("sg-cal-number");
    cell.add(number);
    StringBuilder text = new StringBuilder(DAY.format(day)).append(":");
    for (Session session : Session.values()) {
      StoredMark mark = marks.get(day + session.name());
      Span half = new Span(mark == null ? "" : mark.code());
      half.addClassName("sg-cal-session");
      String meaning;
      if (mark != null) {
        AttendanceCode code = codes.get(mark.code());
        Kind kind = Kind.of(code);
        half.addClassName(kind.css);
        meaning = mark.code() + ", " + (code.isLegacy() ? "historic code: " : "") + code.meaning();
      } else if (day.isBefore(from) || day.isAfter(to)) {
        meaning = "outside this period";
      } else if (!calendar.meets(day, session)) {
        half.addClassName(Kind.CLOSED.css);
        meaning = calendar.closureOn(day, session).map(c -> "closed, " + c.description()).orElse("school closed");
      } else {
        half.addClassName(Kind.UNMARKED.css);
        meaning = "no mark yet";
      }
      half.getElement().setAttribute("title", session.name() + ": " + meaning);
      text.append(' ').append(session.name()).append(' ').append(meaning).append(';');
      cell.add(half);
    }
    cell.getElement().setAttribute("aria-label", text.toString());
    cell.getElement().setAttribute("role", "img");
    return cell;
  }
}
