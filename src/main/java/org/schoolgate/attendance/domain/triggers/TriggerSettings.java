package org.schoolgate.attendance.domain.triggers;

import org.schoolgate.directory.domain.School;

/**
 * The numbers the triggers use (attendance rules §0.3 and §4), all in school days, sessions or
 * school weeks.
 *
 * @param nCodeDeadlineDays T-N5: N must be resolved by the end of this school day after the session
 * @param homeVisitDay T-HV3: the day of unexplained absence on which the first home visit is due
 * @param homeVisitRepeatDays T-HV3: school days between repeat visits
 * @param welfareEverySchoolDays T-WELF5: continuous absence (any reason) that starts weekly
 *     welfare checks, and the interval between them
 * @param safeguardingDays T-SG5: days not seen or heard from before safeguarding escalation
 * @param attendanceReturnDays T-AR10: school days (twice as many sessions) of G/N/O/U in a row
 * @param laNotifyDays the local authority's own "missing from school" day (Stockport 10; a school
 *     whose authority uses 20, as STOCCAT does, sets 20 and the CME referral is the notification)
 * @param cmeDays CME referral and deletion Ground I: statutory 20 school days
 * @param sicknessReturnDays T-SICK15: school days of illness (twice as many sessions)
 * @param lateThreshold T-U-PATTERN: U sessions in a half term that bring a support letter
 * @param penaltyWindowWeeks penalty notices: the rolling window in school weeks
 * @param penaltySessions penalty notices: unauthorised sessions in the window
 * @param minPossibleSessions T-AR-REG: possible sessions before "not attending regularly" is judged
 */
public record TriggerSettings(
    int nCodeDeadlineDays,
    int homeVisitDay,
    int homeVisitRepeatDays,
    int welfareEverySchoolDays,
    int safeguardingDays,
    int attendanceReturnDays,
    int laNotifyDays,
    int cmeDays,
    int sicknessReturnDays,
    int lateThreshold,
    int penaltyWindowWeeks,
    int penaltySessions,
    int minPossibleSessions) {

  public TriggerSettings {
    if (nCodeDeadlineDays < 1
        || homeVisitDay < 1
        || homeVisitRepeatDays < 1
        || welfareEverySchoolDays < 1
        || safeguardingDays < 1
        || attendanceReturnDays < 1
        || laNotifyDays < 1
        || cmeDays < 1
        || sicknessReturnDays < 1
        || lateThreshold < 1
        || penaltyWindowWeeks < 1
        || penaltySessions < 1
        || minPossibleSessions < 0) {
      throw new IllegalArgumentException("Trigger settings must be positive numbers of days, sessions or weeks");
    }
  }

  /** The defaults of attendance rules §0.3 and §4. */
  public static TriggerSettings defaults() {
    return new TriggerSettings(5, 3, 3, 5, 5, 10, 10, 20, 15, 3, 10, 10, 10);
  }

  /** The school's own N deadline, home-visit days, LA notification day and minimum sessions. */
  public static TriggerSettings of(School school) {
    TriggerSettings d = defaults();
    return new TriggerSettings(
        school.getNCodeDeadlineDays(),
        school.getHomeVisitDay(),
        school.getHomeVisitRepeatDays(),
        d.welfareEverySchoolDays,
        d.safeguardingDays,
        d.attendanceReturnDays,
        school.getCmeNotifyDays(),
        d.cmeDays,
        d.sicknessReturnDays,
        d.lateThreshold,
        d.penaltyWindowWeeks,
        d.penaltySessions,
        school.getMinPossibleSessions());
  }
}
