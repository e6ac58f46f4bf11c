package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.AttendanceSummaries;

/**
 * School and year-group figures, pooled, and the persistent and severe absence lists. (Jersey
 * merges resource classes that share a root path, so each feature keeps its own class.)
 */
@Path("schools")
@Tag(name = "Attendance figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AttendanceListsResource {

  @Inject AttendanceSummaries summaries;
  @Inject org.schoolgate.directory.application.Schools schools;

  public record LearningLostRow(
      java.math.BigDecimal attendancePercent, java.math.BigDecimal daysInSchool, java.math.BigDecimal daysOff,
      java.math.BigDecimal weeksOff, java.math.BigDecimal learningHoursLost) {}

  @GET
  @Path("{schoolId}/learning-lost")
  @Operation(
      summary = "The \"learning hours lost\" table for letters",
      description =
          "Generated from the school's year length and session hours (mode=generated, the default), or the seed"
              + " policy's published figures (mode=verbatim, labelled indicative).")
  public List<LearningLostRow> learningLost(
      @PathParam("schoolId") UUID schoolId, @QueryParam("mode") @jakarta.ws.rs.DefaultValue("generated") String mode) {
    var school = schools.school(schoolId);
    var rows =
        "verbatim".equalsIgnoreCase(mode)
            ? org.schoolgate.attendance.domain.LearningLostTable.verbatim()
            : org.schoolgate.attendance.domain.LearningLostTable.generated(
                school.getSchoolYearDays(), org.schoolgate.attendance.domain.SessionLengths.of(school));
    return rows.stream()
        .map(r -> new LearningLostRow(r.percent(), r.daysInSchool(), r.daysOff(), r.weeksOff(), r.hoursLost()))
        .toList();
  }
  @Inject org.schoolgate.attendance.application.AttendanceTasks tasks;
  @Inject org.schoolgate.attendance.application.GraduatedResponse response;

  @GET
  @Path("{schoolId}/attendance")
  @Operation(summary = "The school's pooled figures this year, with every pupil the caller may see, lowest first")
  public AttendanceViews.GroupSummaryView school(@PathParam("schoolId") UUID schoolId) {
    return AttendanceViews.GroupSummaryView.of(summaries.school(schoolId));
  }

  @GET
  @Path("{schoolId}/years/{yearGroup}/attendance")
  @Operation(summary = "A year group's pooled figures and pupils")
  public AttendanceViews.GroupSummaryView year(@PathParam("schoolId") UUID schoolId, @PathParam("yearGroup") int yearGroup) {
    return AttendanceViews.GroupSummaryView.of(summaries.yearGroup(schoolId, yearGroup));
  }

  @GET
  @Path("{schoolId}/persistent-absence")
  @Operation(summary = "Pupils missing 10% or more of their possible sessions (DfE rule), lowest attendance first")
  public List<AttendanceViews.PupilLineView> persistentlyAbsent(@PathParam("schoolId") UUID schoolId) {
    return summaries.persistentlyAbsent(schoolId).stream().map(AttendanceViews.PupilLineView::of).toList();
  }

  @GET
  @Path("{schoolId}/severe-absence")
  @Operation(summary = "Pupils missing 50% or more of their possible sessions (DfE rule), lowest attendance first")
  public List<AttendanceViews.PupilLineView> severelyAbsent(@PathParam("schoolId") UUID schoolId) {
    return summaries.severelyAbsent(schoolId).stream().map(AttendanceViews.PupilLineView::of).toList();
  }

  @GET
  @Path("{schoolId}/tasks")
  @Operation(summary = "Open tasks at the school for the caller's roles (or one role), soonest due first")
  public List<AttendanceViews.TaskView> open(@PathParam("schoolId") UUID schoolId, @QueryParam("role") String role) {
    List<org.schoolgate.platform.security.StaffRole> roles = role == null || role.isBlank() ? List.of() : List.of(TasksResource.parseRole(role));
    return tasks.openTasks(schoolId, roles).stream().map(AttendanceViews.TaskView::of).toList();
  }

  @GET
  @Path("{schoolId}/recommendations")
  @Operation(summary = "Stage recommendations waiting for a staff decision")
  public List<CasesResource.RecommendationView> pending(@PathParam("schoolId") UUID schoolId) {
    return response.pending(schoolId).stream().map(CasesResource.RecommendationView::of).toList();
  }

}
