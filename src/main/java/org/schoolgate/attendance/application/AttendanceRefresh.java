package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Brings one school's figures, stage recommendations and tasks up to date after its register
 * changed wholesale (an MIS import), each step in its own transaction.
 */
@ApplicationScoped
public class AttendanceRefresh {

  private static final Logger LOG = Logger.getLogger(AttendanceRefresh.class.getName());

  private AttendanceEngine engine;
  private GraduatedResponse response;
  private AttendanceTriggers triggers;

  protected AttendanceRefresh() {}

  @Inject
  public AttendanceRefresh(AttendanceEngine engine, GraduatedResponse response, AttendanceTriggers triggers) {
    this.engine = engine;
    this.response = response;
    this.triggers = triggers;
  }

  public void school(UUID schoolId) {
    engine.recomputeSchool(schoolId);
    GraduatedResponse.Evaluation e = response.evaluateSchool(schoolId);
    AttendanceTriggers.Outcome t = triggers.evaluateSchool(schoolId);
    LOG.info(
        () -> "School " + schoolId + " refreshed: " + e.newRecommendations() + " new stage recommendations, "
            + t.created() + " new tasks");
  }
}
