package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.AttendanceTasks;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.InvalidInputException;

/** The tasks the attendance rules raise: lists by role, and closing them with what was done. */
@Path("tasks")
@Tag(name = "Attendance tasks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class TasksResource {

  @Inject AttendanceTasks tasks;

  @POST
  @Path("{taskId}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Close a task with what was done")
  public AttendanceViews.TaskView complete(@PathParam("taskId") UUID taskId, AttendanceViews.OutcomeRequest request) {
    var task = tasks.complete(taskId, request == null ? null : request.outcome());
    return AttendanceViews.TaskView.of(task, null, false);
  }

  static StaffRole parseRole(String role) {
    try {
      return StaffRole.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "Unknown role \"" + role + "\"");
    }
  }
}
