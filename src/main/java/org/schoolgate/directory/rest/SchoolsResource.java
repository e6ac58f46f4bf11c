package org.schoolgate.directory.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.validation.InvalidInputException;

/** Schools, their calendars and pupil search, for staff. */
@Path("schools")
@Tag(name = "Schools")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
public class SchoolsResource {

  @Inject Schools schools;
  @Inject SchoolCalendars calendars;
  @Inject PupilDirectory pupils;
  @Inject CurrentUser currentUser;
  @Inject Clock clock;

  @GET
  @Operation(summary = "The schools the signed-in member of staff works at")
  public List<DirectoryViews.SchoolView> mine() {
    return schools.mySchools().stream().map(DirectoryViews.SchoolView::of).toList();
  }

  @GET
  @Path("{schoolId}")
  @Operation(summary = "One school with its register, session and threshold settings")
  public DirectoryViews.SchoolView school(@PathParam("schoolId") UUID schoolId) {
    currentUser.requireStaff();
    return DirectoryViews.SchoolView.of(schools.school(schoolId));
  }

  @GET
  @Path("{schoolId}/calendar")
  @Operation(summary = "The school's terms and closures")
  public DirectoryViews.CalendarView calendar(@PathParam("schoolId") UUID schoolId) {
    currentUser.requireStaff();
    schools.school(schoolId);
    return new DirectoryViews.CalendarView(
        calendars.terms(schoolId).stream().map(DirectoryViews.TermView::of).toList(),
        calendars.closures(schoolId).stream().map(DirectoryViews.ClosureView::of).toList());
  }

  @GET
  @Path("{schoolId}/school-days")
  @Operation(
      summary = "Is a date a school day, and which is the Nth school day after it",
      description = "date defaults to today; after defaults to 5 (the N-code deadline).")
  public DirectoryViews.SchoolDayAnswer schoolDay(
      @PathParam("schoolId") UUID schoolId,
      @QueryParam("date") String date,
      @QueryParam("after") @DefaultValue("5") int after) {
    currentUser.requireStaff();
    schools.school(schoolId);
    LocalDate day;
    try {
      day = date == null || date.isBlank() ? LocalDate.now(clock) : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", "date: \"" + date + "\" is not a date like 2025-11-20");
    }
    if (after < 0 || after > 400) {
      throw new InvalidInputException("after", "after: give a number of school days from 0 to 400");
    }
    SchoolCalendar calendar = calendars.calendarOf(schoolId);
    LocalDate nth;
    try {
      nth = calendar.nthSchoolDayAfter(day, after);
    } catch (IllegalStateException e) {
      throw new InvalidInputException("after", e.getMessage());
    }
    return new DirectoryViews.SchoolDayAnswer(day, calendar.isSchoolDay(day), after, nth);
  }

  @GET
  @Path("{schoolId}/pupils")
  @Operation(summary = "Search a school's pupils by name or UPN")
  public List<DirectoryViews.PupilView> pupils(
      @PathParam("schoolId") UUID schoolId, @QueryParam("q") String q, @QueryParam("limit") @DefaultValue("50") int limit) {
    schools.school(schoolId);
    return pupils.search(schoolId, q, Math.max(1, Math.min(limit, 500))).stream()
        .map(DirectoryViews.PupilView::forStaff)
        .toList();
  }
}
