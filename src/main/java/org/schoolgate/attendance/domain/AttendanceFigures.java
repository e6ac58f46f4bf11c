package org.schoolgate.attendance.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * One pupil's (or a pooled group's) statutory figures over a period (attendance rules §3):
 * possible, attended, authorised and unauthorised sessions, and lates. The invariant
 * {@code attended + authorised + unauthorised == possible} holds for every instance; figures that
 * break it are refused. Sessions whose code is not counted (X, D, Z, #, Y...) are left out.
 */
public record AttendanceFigures(int possible, int attended, int authorised, int unauthorised, int lates, int latesAfterClose) {

  /** No sessions at all: every rate is undefined and no flag is raised. */
  public static final AttendanceFigures NONE = new AttendanceFigures(0, 0, 0, 0, 0, 0);

  public AttendanceFigures {
    if (possible < 0 || attended < 0 || authorised < 0 || unauthorised < 0 || lates < 0 || latesAfterClose < 0) {
      throw new IllegalArgumentException("Attendance figures cannot be negative");
    }
    if (attended + authorised + unauthorised != possible) {
      throw new IllegalArgumentException(
          "Attended (" + attended + ") + authorised (" + authorised + ") + unauthorised (" + unauthorised
              + ") must equal possible sessions (" + possible + ")");
    }
  }

  /** Counts the given marks. Late codes count as attended (L) or unauthorised (U) and as lates. */
  public static AttendanceFigures of(Collection<SessionMark> marks) {
    int attended = 0;
    int authorised = 0;
    int unauthorised = 0;
    int lates = 0;
    int latesAfterClose = 0;
    for (SessionMark mark : marks) {
      switch (mark.countsAs()) {
        case ATTENDED -> attended++;
        case AUTHORISED -> authorised++;
        case UNAUTHORISED -> unauthorised++;
        case NOT_COUNTED -> {
          continue;
        }
      }
      if (mark.code().late()) {
        if (mark.countsAs() == CountsAs.UNAUTHORISED) {
          latesAfterClose++;
        } else {
          lates++;
        }
      }
    }
    return new AttendanceFigures(attended + authorised + unauthorised, attended, authorised, unauthorised, lates, latesAfterClose);
  }

  /** The pooled figures of two pupils or groups (rates are then Σ attended ÷ Σ possible). */
  public AttendanceFigures plus(AttendanceFigures other) {
    return new AttendanceFigures(
        possible + other.possible,
        attended + other.attended,
        authorised + other.authorised,
        unauthorised + other.unauthorised,
        lates + other.lates,
        latesAfterClose + other.latesAfterClose);
  }

  /** These figures with another pupil's taken out of a pooled group, for "compared with others". */
  public AttendanceFigures minus(AttendanceFigures other) {
    return new AttendanceFigures(
        possible - other.possible,
        attended - other.attended,
        authorised - other.authorised,
        unauthorised - other.unauthorised,
        lates - other.lates,
        latesAfterClose - other.latesAfterClose);
  }

  /** Sessions missed, authorised or not. */
  public int absent() {
    return authorised + unauthorised;
  }

  public boolean hasSessions() {
    return possible > 0;
  }

  /** Attended ÷ possible; empty when there are no possible sessions. */
  public Optional<Rate> attendanceRate() {
    return rate(attended);
  }

  public Optional<Rate> authorisedRate() {
    return rate(authorised);
  }

  public Optional<Rate> unauthorisedRate() {
    return rate(unauthorised);
  }

  /** Overall absence: absent ÷ possible. */
  public Optional<Rate> absenceRate() {
    return rate(absent());
  }

  /** Persistently absent by the DfE rule: 10% or more of possible sessions missed (§3.3). */
  public boolean persistentlyAbsent() {
    return possible > 0 && 10L * absent() >= possible;
  }

  /** Severely absent by the DfE rule: 50% or more of possible sessions missed (§3.3). */
  public boolean severelyAbsent() {
    return possible > 0 && 2L * absent() >= possible;
  }

  private Optional<Rate> rate(int count) {
    return possible == 0 ? Optional.empty() : Optional.of(new Rate(count, possible));
  }
}
