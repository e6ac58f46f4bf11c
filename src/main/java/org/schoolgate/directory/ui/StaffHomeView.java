package org.schoolgate.directory.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;

/** The staff start page: today at each of the person's schools and their roles there. */
@Route(value = "staff", layout = StaffLayout.class)
@PageTitle("Today · Schoolgate")
@StaffOnly
public class StaffHomeView extends VerticalLayout {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  @Inject
  public StaffHomeView(CurrentUser currentUser, Schools schools, SchoolCalendars calendars, Clock clock) {
    addClassName("sg-page");
    SignedInUser user = currentUser.requireStaff();
    LocalDate today = LocalDate.now(clock);
    add(new H1("Good " + (clock.instant().atZone(clock.getZone()).getHour() < 12 ? "morning" : "afternoon") + ", " + user.displayName().split(" ")[0]));
    add(new Paragraph(DAY.format(today)));
    for (School school : schools.mySchools()) {
      SchoolCalendar calendar = calendars.calendarOf(school.getId());
      Div card = new Div();
      card.addClassName("sg-card");
      card.add(new H2(school.getName()));
      String roles = String.join(", ", user.rolesAt(school.getId()).stream().map(r -> r.label()).sorted().toList());
      card.add(new Paragraph("Your roles: " + roles));
      String day;
      if (calendar.isSchoolDay(today)) {
        var t = school.registerTimes();
        day = "A school day. Registers close at " + t.amClose() + " (morning) and " + t.pmClose() + " (afternoon).";
      } else {
        String why = calendar.closureOn(today, org.schoolgate.directory.domain.Session.AM).map(c -> c.description()).orElse("no school today");
        day = "Not a school day (" + why + ").";
      }
      try {
        day += " Next school day: " + DAY.format(calendar.nthSchoolDayAfter(today, 1)) + ".";
      } catch (IllegalStateException endOfCalendar) {
        day += " The calendar has no further school days: add next term in Calendar.";
      }
      Span daySpan = new Span(day);
      card.add(daySpan);
      card.add(new Paragraph(new RouterLink("Find a pupil", PupilsView.class)));
      add(card);
    }
  }
}
