package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.application.GraduatedResponse;
import org.schoolgate.attendance.domain.CaseEvent;
import org.schoolgate.attendance.domain.RecommendedTransition;
import org.schoolgate.attendance.domain.response.Stage;

/** Graduated-response cases and the stage recommendations staff confirm or decline. */
@Path("recommendations")
@Tag(name = "Graduated response")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class CasesResource {

  @Inject GraduatedResponse response;

  public record RecommendationView(
      UUID id, UUID pupilId, String currentStage, String recommendedStage, String recommendedLabel, String figures,
      String reasons, boolean needsHumanDecision, String status, OffsetDateTime createdAt) {
    static RecommendationView of(RecommendedTransition r) {
      return new RecommendationView(
          r.getId(), r.getPupilId(), r.getCurrentStage(), r.getRecommendedStage(),
          Stage.valueOf(r.getRecommendedStage()).label(), r.getFigures(), r.getReasons(), r.isNeedsHumanDecision(),
          r.getStatus().name(), r.getCreatedAt());
    }
  }

  public record EventView(OffsetDateTime at, String kind, String stageFrom, String stageTo, String by, String text) {
    static EventView of(CaseEvent e) {
      return new EventView(e.getAt(), e.getKind(), e.getStageFrom(), e.getStageTo(), e.getByName(), e.getText());
    }
  }

  public record CaseView(
      UUID pupilId, String stage, String stageLabel, LocalDate stageEnteredOn, String leadProfessional,
      String triggeringFigures, RecommendationView pending, List<EventView> chronology) {}

  public record DecisionRequest(String reason) {}

  public record LeadRequest(UUID staffMemberId) {}

  @POST
  @Path("{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirm a recommendation: the pupil's case moves to that stage")
  public CaseView confirm(@PathParam("id") UUID id, DecisionRequest request) {
    var c = response.confirm(id, request == null ? null : request.reason());
    return caseView(response, c.getPupilId());
  }

  @POST
  @Path("{id}/decline")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Decline a recommendation, with the reason")
  public void decline(@PathParam("id") UUID id, DecisionRequest request) {
    response.decline(id, request == null ? null : request.reason());
  }

  static CaseView caseView(GraduatedResponse response, UUID pupilId) {
    GraduatedResponse.CaseFile file = response.caseOf(pupilId);
    return new CaseView(
        pupilId, file.stage().name(), file.stage().label(),
        file.attendanceCase().map(c -> c.getStageEnteredOn()).orElse(null),
        file.leadProfessional().map(s -> s.fullName()).orElse(null),
        file.attendanceCase().map(c -> c.getTriggeringFigures()).orElse(null),
        file.pending().map(RecommendationView::of).orElse(null),
        file.chronology().stream().map(EventView::of).toList());
  }
}
