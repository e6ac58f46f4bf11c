package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.PupilAttendance;
import org.schoolgate.attendance.domain.CohortComparison;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.attendance.domain.analysis.WeeklyTrend;

/** One pupil's attendance this school year, with every figure the rules define. */
@Path("pupils")
@Tag(name = "Attendance figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
public class PupilAttendanceResource {

  @Inject PupilAttendance attendance;
  @Inject org.schoolgate.attendance.application.GraduatedResponse response;
  @Inject org.schoolgate.attendance.application.AttendanceTasks tasks;

  public record MissedView(int sessions, BigDecimal days, BigDecimal hours, int lessons, BigDecimal weeks) {}

  public record ComparisonView(String othersRate, BigDecimal expectedAbsences, BigDecimal excessSessions, Integer aboutMoreSessions) {
    static ComparisonView of(CohortComparison c) {
      return new ComparisonView(c.othersRate().forStaff(), c.expectedAbsences(), c.excessSessions(), c.aboutMoreSessions().orElse(null));
    }
  }

  public record WeekView(int week, LocalDate monday, String weekRate, String cumulativeRate, int cumulativePossible) {}

  public record TrendView(
      List<WeekView> weeks, boolean declineOverOneWeek, boolean declineOverTwoWeeks, boolean emergingPattern, String direction) {}

  public record BreakdownView(Map<String, Integer> byCode, Map<String, Integer> byWeekday, Map<String, Integer> bySession) {}

  public record StageView(String stage, String label, String pendingRecommendation) {}

  public record SummaryView(
      UUID pupilId,
      String name,
      String schoolYear,
      LocalDate from,
      AttendanceViews.FiguresView figures,
      MissedView missed,
      ComparisonView comparedWithYear,
      ComparisonView comparedWithClass,
      TrendView trend,
      int brokenWeeks,
      int weeksWithSessions,
      BreakdownView absences,
      int unmarkedSessions,
      String registerFlag,
      List<AttendanceViews.MarkView> marks,
      StageView stage,
      List<AttendanceViews.TaskView> tasks,
      List<AttendanceViews.AmendmentView> amendments) {}

  @GET
  @Path("{pupilId}/attendance")
  @Operation(
      summary = "The pupil's attendance this school year",
      description =
          "Figures, days, hours and lessons missed, comparison with a typical pupil of the year and class (the pupil"
              + " left out), weekly trend, broken weeks, absence by code, weekday and session, register gaps and every"
              + " mark. Staff also get the stage, tasks and amendment history; parents of the child get the figures.")
  public SummaryView summary(@PathParam("pupilId") UUID pupilId) {
    PupilAttendance.Summary s = attendance.summary(pupilId, "GET /api/v1/pupils/{id}/attendance");
    WeeklyTrend trend = s.trend();
    int last = trend.weeks().size();
    List<WeekView> weeks =
        trend.weeks().stream()
            .map(w -> new WeekView(
                w.number(), w.monday(), w.weekRate().map(Rate::forStaff).orElse(null),
                w.cumulativeRate().map(Rate::forStaff).orElse(null), w.cumulative().possible()))
            .toList();
    Map<String, Integer> weekdays = new LinkedHashMap<>();
    s.breakdown().byWeekday().forEach((d, n) -> weekdays.put(d.name(), n));
    Map<String, Integer> sessions = new LinkedHashMap<>();
    s.breakdown().bySession().forEach((k, n) -> sessions.put(k.name(), n));
    var staff = s.staff();
    return new SummaryView(
        s.pupil().getId(),
        s.pupil().displayName(),
        s.year().label(),
        s.year().start(),
        AttendanceViews.FiguresView.of(s.figures()),
        new MissedView(s.missed().sessions(), s.missed().days(), s.missed().hours(), s.missed().lessons(), s.missed().weeks()),
        s.comparisons().withYear().map(ComparisonView::of).orElse(null),
        s.comparisons().withClass().map(ComparisonView::of).orElse(null),
        new TrendView(
            weeks,
            last >= 2 && trend.declineOverOneWeek(last),
            last >= 3 && trend.declineOverTwoWeeks(last),
            s.emergingPattern(),
            last == 0 ? WeeklyTrend.Direction.UNKNOWN.name() : trend.direction(last).name()),
        s.brokenWeeks().count(),
        s.brokenWeeks().weeksWithSessions(),
        new BreakdownView(s.breakdown().byCode(), weekdays, sessions),
        s.completeness().unmarked().size(),
        s.completeness().flag().orElse(null),
        s.marks().stream().map(AttendanceViews.MarkView::of).toList(),
        staff.map(p -> new StageView(
                p.caseFile().stage().name(), p.caseFile().stage().label(),
                p.caseFile().pending().map(r -> r.getRecommendedStage()).orElse(null)))
            .orElse(null),
        staff.map(p -> p.tasks().stream().map(t -> AttendanceViews.TaskView.of(t, null, false)).toList()).orElse(null),
        staff.map(p -> p.amendments().stream().map(AttendanceViews.AmendmentView::of).toList()).orElse(null));
  }

  @GET
  @Path("{pupilId}/case")
  @Operation(summary = "A pupil's graduated-response case with its chronology")
  public CasesResource.CaseView caseOf(@PathParam("pupilId") UUID pupilId) {
    return CasesResource.caseView(response, pupilId);
  }

  @PUT
  @Path("{pupilId}/case/lead-professional")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Name the lead professional for the pupil's case")
  public CasesResource.CaseView lead(@PathParam("pupilId") UUID pupilId, CasesResource.LeadRequest request) {
    response.nameLeadProfessional(pupilId, request == null ? null : request.staffMemberId());
    return CasesResource.caseView(response, pupilId);
  }

  @GET
  @Path("{pupilId}/tasks")
  @Operation(summary = "Every task raised for a pupil, open ones first")
  public List<AttendanceViews.TaskView> ofPupil(@PathParam("pupilId") UUID pupilId) {
    return tasks.tasksOf(pupilId).stream().map(t -> AttendanceViews.TaskView.of(t, null, false)).toList();
  }

}
