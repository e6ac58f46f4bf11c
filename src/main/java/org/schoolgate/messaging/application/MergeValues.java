package org.schoolgate.messaging.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CohortComparison;
import org.schoolgate.attendance.domain.MissedLearning;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;

/**
 * The values a template's placeholders are filled from, in one vocabulary for every template
 * (message-templates/README.md lists them): the school, the guardian a message goes to, the
 * children it is about, and one pupil's figures from the register. Plain Java, so what a parent
 * is told about their child's attendance is a unit test away.
 */
public final class MergeValues {

  /** Long dates as a letter or text says them: "Wednesday 18 November". */
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

  static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private MergeValues() {}

  /** The school's own details. */
  public static Map<String, String> school(School school, String portalUrl) {
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "school_name", school.getName());
    put(v, "school_phone", school.getPhone());
    put(v, "school_email", school.getEmail());
    put(v, "headteacher", school.getHeadteacherName());
    put(v, "office_contact", "the school office");
    put(v, "portal_url", portalUrl);
    return v;
  }

  /** The guardian a message goes to and the children it names ("Adam and Sara"). */
  public static Map<String, String> delivery(Delivery delivery, LocalDate today) {
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "guardian_name", delivery.guardianName());
    put(v, "salutation", delivery.salutation());
    put(v, "contact_name", delivery.guardianName());
    put(v, "pupil_first_name", delivery.pupilNames());
    put(v, "pupil_preferred_first_name", delivery.pupilNames());
    put(v, "absence_date", DAY.format(today));
    put(v, "letter_date", LETTER_DATE.format(today));
    return v;
  }

  /**
   * One pupil's details and figures so far this year: the percentage as parents see it (one
   * decimal place, truncated, without the % sign the templates add), sessions, days, hours and
   * lessons missed, and how many days a typical pupil in the year group has missed.
   */
  public static Map<String, String> pupil(
      Pupil pupil, AttendanceFigures figures, MissedLearning missed, Optional<CohortComparison> withYear) {
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "pupil_legal_full_name", pupil.legalFullName());
    put(v, "pupil_first_name", pupil.preferredFirstName());
    put(v, "pupil_preferred_first_name", pupil.preferredFirstName());
    put(v, "year_group", pupil.getYearGroup() == 0 ? "Reception" : "Year " + pupil.getYearGroup());
    put(v, "tutor_group", pupil.getGroup() == null ? null : pupil.getGroup().getName());
    if (pupil.isMedicalEvidenceRequired()) {
      v.put("medical_evidence_required", "true");
    }
    figures.attendanceRate().ifPresent(rate -> v.put("attendance_pct", rate.forParents()));
    v.put("absence_sessions", String.valueOf(figures.absent()));
    v.put("late_sessions", String.valueOf(figures.lates()));
    v.put("days_missed", plain(missed.days()));
    v.put("hours_missed", plain(missed.hours()));
    v.put("lessons_missed", String.valueOf(missed.lessons()));
    withYear.ifPresent(c -> v.put("cohort_days_missed", plain(c.expectedAbsences().divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP))));
    figures.attendanceRate().ifPresent(rate -> v.put("attendance_band", band(rate.percentTruncated(1))));
    return v;
  }

  /** The band a report card names, on the DfE boundaries the stages use. */
  static String band(BigDecimal percent) {
    if (percent.compareTo(BigDecimal.valueOf(96)) >= 0) {
      return "Good (96% or more)";
    }
    if (percent.compareTo(BigDecimal.valueOf(90)) > 0) {
      return "A concern (between 90% and 96%)";
    }
    if (percent.compareTo(BigDecimal.valueOf(50)) > 0) {
      return "Persistent absence (90% or less)";
    }
    return "Severe absence (50% or less)";
  }

  /** 2.50 → "2.5", 3.00 → "3". */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  private static void put(Map<String, String> values, String key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, value.strip());
    }
  }
}
