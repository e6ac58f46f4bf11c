package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.MarkEntry;
import org.schoolgate.attendance.application.MarkRegister;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/** Statutory marks: record or correct one session's mark, and read the amendment history. */
@Path("pupils")
@Tag(name = "Register")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class MarksResource {

  @Inject MarkRegister register;
  @Inject org.schoolgate.attendance.application.LessonRegister lessons;
  @Inject java.time.Clock clock;

  public record LessonRequest(String subject, String mark, String reason) {}

  public record SubjectView(String subject, int lessons, int attended, String attendanceRate) {}

  public record LessonsView(List<org.schoolgate.attendance.application.LessonRegister.LessonEntry> lessons, List<SubjectView> bySubject) {}

  @PUT
  @Path("{pupilId}/marks/{date}/{session}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a session's mark",
      description =
          "Give a code, or an arrival time for a pupil who came in late (L before the register closes, U after)."
              + " Changing an existing mark needs a reason and is kept in the amendment history.")
  public AttendanceViews.RecordedView record(
      @PathParam("pupilId") UUID pupilId,
      @PathParam("date") String date,
      @PathParam("session") String session,
      AttendanceViews.MarkRequest request) {
    if (request == null) {
      throw new InvalidInputException("code", "Send the code (or arrival time) and, for a change, the reason");
    }
    return AttendanceViews.RecordedView.of(
        register.record(
            new MarkEntry(
                pupilId, parseDate(date), parseSession(session), request.code(), request.arrivalTime(), request.reason(),
                MarkSource.API)));
  }

  @GET
  @Path("{pupilId}/amendments")
  @Operation(summary = "Every change to the pupil's marks, newest first")
  public List<AttendanceViews.AmendmentView> amendments(@PathParam("pupilId") UUID pupilId) {
    return register.amendmentsOf(pupilId).stream().map(AttendanceViews.AmendmentView::of).toList();
  }

  @PUT
  @Path("{pupilId}/lessons/{date}/{period}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a lesson mark (secondary)",
      description = "PRESENT, LATE or ABSENT for one period. Lesson marks never change the statutory figures.")
  public org.schoolgate.attendance.application.LessonRegister.LessonEntry lesson(
      @PathParam("pupilId") UUID pupilId, @PathParam("date") String date, @PathParam("period") int period, LessonRequest request) {
    if (request == null) {
      throw new InvalidInputException("mark", "Send the subject and the mark");
    }
    return lessons.record(
        new org.schoolgate.attendance.application.LessonRegister.LessonEntry(
            pupilId, parseDate(date), period, request.subject(), request.mark(), request.reason()));
  }

  @GET
  @Path("{pupilId}/lessons")
  @Operation(summary = "A pupil's lesson marks between two dates, with lesson attendance by subject")
  public LessonsView lessons(
      @PathParam("pupilId") UUID pupilId, @jakarta.ws.rs.QueryParam("from") String from, @jakarta.ws.rs.QueryParam("to") String to) {
    LocalDate start = from == null ? LocalDate.now(clock).minusDays(28) : parseDate(from);
    LocalDate end = to == null ? LocalDate.now(clock) : parseDate(to);
    var list = lessons.lessonsOf(pupilId, start, end);
    java.util.Map<String, int[]> bySubject = new java.util.TreeMap<>();
    for (var l : list) {
      int[] n = bySubject.computeIfAbsent(l.subject(), k -> new int[2]);
      n[0]++;
      if (!l.mark().equals("ABSENT")) {
        n[1]++;
      }
    }
    List<SubjectView> subjects =
        bySubject.entrySet().stream()
            .map(e -> new SubjectView(
                e.getKey(), e.getValue()[0], e.getValue()[1],
                new org.schoolgate.attendance.domain.Rate(e.getValue()[1], e.getValue()[0]).forStaff()))
            .toList();
    return new LessonsView(list, subjects);
  }

  static LocalDate parseDate(String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", "Dates are written YYYY-MM-DD, for example 2026-11-18");
    }
  }

  static Session parseSession(String session) {
    try {
      return Session.valueOf(session.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("session", "The session is AM or PM");
    }
  }
}
