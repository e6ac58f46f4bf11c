package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.imports.MisImports;
import org.schoolgate.platform.validation.InvalidInputException;

/** The marks changed in Schoolgate since a moment, as CSV, for writing back to the MIS. */
@Path("schools/{schoolId}/marks/amended")
@Tag(name = "Imports")
@ImportApiKeyAccepted
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "importApiKey")
public class ImportAmendedMarksResource {

  @Inject MisImports imports;

  @GET
  @Produces("text/csv")
  @Operation(
      summary = "Marks amended in Schoolgate since a moment, as CSV in the marks import format",
      description =
          "since is an instant (2025-11-01T00:00:00Z) or a date (2025-11-01, midnight in London). One line per"
              + " mark: its current code with the latest amendment's time, author and reason. Changes made by MIS"
              + " imports are left out.")
  public Response amended(@PathParam("schoolId") UUID schoolId, @QueryParam("since") String since) {
    OffsetDateTime from = since(since);
    // Checks permission before the response starts, so a refusal is a proper 401/403/404.
    imports.history(schoolId, 1);
    StreamingOutput body =
        out -> {
          BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          imports.writeAmendedMarks(schoolId, from, writer);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"amended-marks.csv\"")
        .build();
  }

  static OffsetDateTime since(String since) {
    if (since == null || since.isBlank()) {
      throw new InvalidInputException("since", "since: give an instant like 2025-11-01T00:00:00Z or a date like 2025-11-01");
    }
    try {
      return since.length() == 10
          ? LocalDate.parse(since).atStartOfDay(ZoneId.of("Europe/London")).toOffsetDateTime()
          : OffsetDateTime.parse(since);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("since", "since: \"" + since + "\" is not an instant like 2025-11-01T00:00:00Z or a date like 2025-11-01");
    }
  }
}
