package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.AttendanceSummaries;

/** School, year-group and class figures, pooled, and the persistent and severe absence lists. */
@Path("")
@Tag(name = "Attendance figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AttendanceListsResource {

  @Inject AttendanceSummaries summaries;

  @GET
  @Path("schools/{schoolId}/attendance")
  @Operation(summary = "The school's pooled figures this year, with every pupil the caller may see, lowest first")
  public AttendanceViews.GroupSummaryView school(@PathParam("schoolId") UUID schoolId) {
    return AttendanceViews.GroupSummaryView.of(summaries.school(schoolId));
  }

  @GET
  @Path("schools/{schoolId}/years/{yearGroup}/attendance")
  @Operation(summary = "A year group's pooled figures and pupils")
  public AttendanceViews.GroupSummaryView year(@PathParam("schoolId") UUID schoolId, @PathParam("yearGroup") int yearGroup) {
    return AttendanceViews.GroupSummaryView.of(summaries.yearGroup(schoolId, yearGroup));
  }

  @GET
  @Path("groups/{groupId}/attendance")
  @Operation(summary = "A class or tutor group's pooled figures and pupils")
  public AttendanceViews.GroupSummaryView group(@PathParam("groupId") UUID groupId) {
    return AttendanceViews.GroupSummaryView.of(summaries.group(groupId));
  }

  @GET
  @Path("schools/{schoolId}/persistent-absence")
  @Operation(summary = "Pupils missing 10% or more of their possible sessions (DfE rule), lowest attendance first")
  public List<AttendanceViews.PupilLineView> persistentlyAbsent(@PathParam("schoolId") UUID schoolId) {
    return summaries.persistentlyAbsent(schoolId).stream().map(AttendanceViews.PupilLineView::of).toList();
  }

  @GET
  @Path("schools/{schoolId}/severe-absence")
  @Operation(summary = "Pupils missing 50% or more of their possible sessions (DfE rule), lowest attendance first")
  public List<AttendanceViews.PupilLineView> severelyAbsent(@PathParam("schoolId") UUID schoolId) {
    return summaries.severelyAbsent(schoolId).stream().map(AttendanceViews.PupilLineView::of).toList();
  }
}
