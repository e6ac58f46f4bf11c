package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.AttendanceSummaries;

/** A class or tutor group's figures. */
@Path("groups")
@Tag(name = "Attendance figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class GroupsResource {

  @Inject AttendanceSummaries summaries;

  @GET
  @Path("{groupId}/attendance")
  @Operation(summary = "A class or tutor group's pooled figures and pupils")
  public AttendanceViews.GroupSummaryView group(@PathParam("groupId") UUID groupId) {
    return AttendanceViews.GroupSummaryView.of(summaries.group(groupId));
  }
}
