package org.schoolgate.attendance.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings every school's figures, tasks and stage recommendations up to date when the application
 * starts (after the schema and any demo data) and again early each morning, before the office
 * opens, so deadlines that pass overnight (an N turning overdue, a third day of absence) are on
 * the lists by 07:00.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "DemoLoader"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttendanceSchedule {

  private static final Logger LOG = Logger.getLogger(AttendanceSchedule.class.getName());

  @Inject private AttendanceEngine engine;
  @Inject private GraduatedResponse response;
  @Inject private AttendanceTriggers triggers;

  @PostConstruct
  void onStart() {
    run("start-up");
  }

  @Schedule(hour = "6", minute = "15", timezone = "Europe/London", persistent = false)
  void early() {
    run("morning");
  }

  private void run(String when) {
    try {
      engine.recomputeAll();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The " + when + " recompute of attendance figures failed", e);
    }
    for (java.util.UUID school : engine.schoolIds()) {
      try {
        GraduatedResponse.Evaluation e = response.evaluateSchool(school);
        LOG.info(
            () -> "Stages reviewed for " + e.pupils() + " pupils at school " + school + ": " + e.newRecommendations()
                + " new recommendations, " + e.held() + " held for too few sessions");
        AttendanceTriggers.Outcome t = triggers.evaluateSchool(school);
        LOG.info(
            () -> "Triggers evaluated for " + t.pupils() + " pupils at school " + school + ": " + t.created()
                + " new tasks, " + t.refreshed() + " seen again, " + t.closed() + " closed");
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "The " + when + " attendance refresh of school " + school + " failed", e);
      }
    }
  }
}
