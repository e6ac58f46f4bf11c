package org.schoolgate.attendance.imports;

import java.time.LocalDate;
import org.schoolgate.directory.domain.Gender;
import org.schoolgate.directory.domain.SenStatus;

/**
 * One pupil of a pupils file, matched to the school's records by UPN. Flags the MIS does not send
 * read as "no"; staff-only fields (medical evidence, the vulnerable list) are never imported.
 */
public record PupilRow(
    long line,
    String upn,
    String legalFirstName,
    String legalLastName,
    String preferredFirstName,
    String preferredLastName,
    LocalDate dateOfBirth,
    int yearGroup,
    Gender gender,
    SenStatus senStatus,
    LocalDate onRollFrom,
    LocalDate onRollTo,
    String group,
    boolean pupilPremium,
    boolean eal,
    boolean lookedAfter,
    boolean socialWorker,
    boolean childInNeed,
    boolean childProtection,
    boolean dualRegistered) {

  /** The pupil, or null when the row has problems (each added to {@code problems}). */
  public static PupilRow parse(ImportRow row, ImportProblems problems) {
    RowValues v = new RowValues(row, problems);
    String upn = v.upn();
    String first = v.required("legal_first_name", 100);
    String last = v.required("legal_last_name", 100);
    String preferredFirst = v.text("preferred_first_name", 100);
    String preferredLast = v.text("preferred_last_name", 100);
    LocalDate born = v.date("date_of_birth", true);
    Integer year = v.integer("year_group", -1, 14, true);
    Gender gender = v.choice("gender", Gender.class, true, "F", "FEMALE", "M", "MALE", "O", "OTHER");
    SenStatus sen = v.choice("sen_status", SenStatus.class, false, "N", "NONE", "E", "EHCP", "SEN_SUPPORT", "K");
    LocalDate from = v.date("on_roll_from", true);
    LocalDate to = v.date("on_roll_to", false);
    if (from != null && to != null && to.isBefore(from)) {
      v.problem("on_roll_to " + to + " is before on_roll_from " + from);
    }
    if (born != null && from != null && from.isBefore(born)) {
      v.problem("on_roll_from " + from + " is before the date of birth " + born);
    }
    String group = v.text("group", 40);
    Boolean pp = v.yesNo("pupil_premium", false);
    Boolean eal = v.yesNo("eal", false);
    Boolean lac = v.yesNo("looked_after", false);
    Boolean sw = v.yesNo("social_worker", false);
    Boolean cin = v.yesNo("child_in_need", false);
    Boolean cp = v.yesNo("child_protection", false);
    Boolean dual = v.yesNo("dual_registered", false);
    if (!v.ok()) {
      return null;
    }
    return new PupilRow(
        row.line(), upn, first, last, preferredFirst, preferredLast, born, year, gender,
        sen == null ? SenStatus.NONE : sen, from, to, group, pp, eal, lac, sw, cin, cp, dual);
  }
}
