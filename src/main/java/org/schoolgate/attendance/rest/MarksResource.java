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
@Path("pupils/{pupilId}")
@Tag(name = "Register")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class MarksResource {

  @Inject MarkRegister register;

  @PUT
  @Path("marks/{date}/{session}")
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
  @Path("amendments")
  @Operation(summary = "Every change to the pupil's marks, newest first")
  public List<AttendanceViews.AmendmentView> amendments(@PathParam("pupilId") UUID pupilId) {
    return register.amendmentsOf(pupilId).stream().map(AttendanceViews.AmendmentView::of).toList();
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
