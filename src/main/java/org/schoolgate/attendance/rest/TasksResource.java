package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.schoolgate.attendance.application.AttendanceTasks;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.InvalidInputException;

/** The tasks the attendance rules raise: lists by role, and closing them with what was done. */
@Path("")
@Tag(name = "Attendance tasks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class TasksResource {

  @Inject AttendanceTasks tasks;

  @GET
  @Path("schools/{schoolId}/tasks")
  @Operation(summary = "Open tasks at the school for the caller's roles (or one role), soonest due first")
  public List<AttendanceViews.TaskView> open(@PathParam("schoolId") UUID schoolId, @QueryParam("role") String role) {
    List<StaffRole> roles = role == null || role.isBlank() ? List.of() : List.of(parseRole(role));
    return tasks.openTasks(schoolId, roles).stream().map(AttendanceViews.TaskView::of).toList();
  }

  @GET
  @Path("pupils/{pupilId}/tasks")
  @Operation(summary = "Every task raised for a pupil, open ones first")
  public List<AttendanceViews.TaskView> ofPupil(@PathParam("pupilId") UUID pupilId) {
    return tasks.tasksOf(pupilId).stream().map(t -> AttendanceViews.TaskView.of(t, null, false)).toList();
  }

  @POST
  @Path("tasks/{taskId}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Close a task with what was done")
  public AttendanceViews.TaskView complete(@PathParam("taskId") UUID taskId, AttendanceViews.OutcomeRequest request) {
    var task = tasks.complete(taskId, request == null ? null : request.outcome());
    return AttendanceViews.TaskView.of(task, null, false);
  }

  private static StaffRole parseRole(String role) {
    try {
      return StaffRole.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "Unknown role \"" + role + "\"");
    }
  }
}
