package org.schoolgate.attendance.domain.triggers;

import static org.schoolgate.platform.security.StaffRole.ATTENDANCE_OFFICER;
import static org.schoolgate.platform.security.StaffRole.DSL;
import static org.schoolgate.platform.security.StaffRole.HEADTEACHER;
import static org.schoolgate.platform.security.StaffRole.OFFICE;
import static org.schoolgate.platform.security.StaffRole.PASTORAL_LEAD;

import java.util.List;
import org.schoolgate.platform.security.StaffRole;

/**
 * What a trigger asks staff to do (attendance rules §4, R1.5, R1.7): the rule it comes from, a
 * title staff understand, who owns it and the steps to take.
 */
public enum TaskKind {
  N_TO_RESOLVE(
      "T-N5",
      "Resolve an N code",
      OFFICE,
      "Enter the real reason as soon as it is known",
      "If no reason is established by the deadline, change N to O (the change is audited)"),
  FIRST_DAY_CONTACT(
      "T-D1",
      "First-day absence call",
      OFFICE,
      "Phone the parent",
      "If there is no reply, try the other contacts",
      "If still unreached, send a text or app message"),
  FIRST_DAY_CONTACT_VULNERABLE(
      "T-D1-V",
      "First-day absence call for a pupil with a social worker, plan or youth offending worker",
      DSL,
      "Phone the parent and ring the 3rd and 4th contacts straight away",
      "Notify the social worker, the virtual school or foster carer, and the youth offending team worker",
      "If there is a risk of immediate harm, refer to the local authority safeguarding hub (MASH)"),
  SECOND_DAY_CONTACT(
      "T-D2",
      "Second-day absence call",
      OFFICE,
      "Contact the parent again",
      "Use the 3rd and 4th contacts"),
  HOME_VISIT(
      "T-HV3",
      "Home visit",
      ATTENDANCE_OFFICER,
      "Check with the safeguarding team first",
      "Visit in school hours and daylight, ideally in pairs, to see the child",
      "Log the visit and what was found"),
  FIRST_DAY_HOME_VISIT(
      "T-HV1-V",
      "First-day home visit for a pupil on the vulnerable list",
      ATTENDANCE_OFFICER,
      "Check with the safeguarding team first",
      "Visit today, in school hours and daylight, ideally in pairs, to see the child",
      "Log the visit and what was found"),
  WELFARE_CHECK(
      "T-WELF5",
      "Weekly welfare check",
      ATTENDANCE_OFFICER,
      "Visit the home this week to check on the child's welfare",
      "Log the visit; repeat weekly while the absence continues"),
  SAFEGUARDING_ESCALATION(
      "T-SG5",
      "Safeguarding escalation: not seen or heard from",
      DSL,
      "Log the concern on CPOMS",
      "Refer to the children's social care front door",
      "Ask the police for a safe and well check (101 or the safer schools officer)",
      "Consider a children missing education referral under local rules",
      "Contact siblings' schools, other services and neighbours"),
  ATTENDANCE_RETURN(
      "T-AR10",
      "Add to the attendance return: 10 school days of unauthorised absence",
      ATTENDANCE_OFFICER,
      "Put the pupil's full name and address on the next attendance return to the local authority"),
  IRREGULAR_ATTENDANCE_RETURN(
      "T-AR-REG",
      "Add to the attendance return: not attending regularly",
      ATTENDANCE_OFFICER,
      "Put the pupil's full name and address on this month's attendance return to the local authority"),
  MISSING_FROM_SCHOOL_REPORT(
      "T-MFS",
      "Report missing from school to the local authority",
      DSL,
      "Send the local authority's missing from school report",
      "Keep trying to contact the family every day",
      "Visit the home, leave a calling card and check with neighbours without sharing personal data"),
  CME_REFERRAL(
      "T-CME20",
      "Children missing education referral",
      DSL,
      "Refer the pupil to the local authority as a child missing education",
      "Record the enquiries made: contacts, visits, siblings' schools, neighbours"),
  DELETION_GROUND_REVIEW(
      "T-GROUND-I",
      "Review whether deletion Ground I is met",
      HEADTEACHER,
      "Check 1: continuous absence of at least 20 school days",
      "Check 2: every session in that absence is G, N or O",
      "Check 3: no reasonable grounds to believe the pupil cannot attend through sickness or unavoidable cause",
      "Check 4: the school and the local authority have jointly made reasonable enquiries and failed to locate the pupil; record the local authority's confirmation",
      "The pupil is never taken off roll automatically: delete only when all four checks are confirmed"),
  SICKNESS_RETURN(
      "T-SICK15",
      "Tell the local authority about 15 days' sickness",
      ATTENDANCE_OFFICER,
      "Send the local authority the pupil's full name and address",
      "One return per continuous period of sickness"),
  PENALTY_NOTICE_CONSIDERATION(
      "T-PN10",
      "Consider a penalty notice",
      HEADTEACHER,
      "Decide and record one outcome: a Notice to Improve (3 to 6 weeks, with support and what counts as improvement)",
      "or refer to the local authority for a penalty notice (for term-time holidays a Notice to Improve is usually not used)",
      "or no action, with the reason",
      "or other legal intervention"),
  LATENESS_SUPPORT(
      "T-U-PATTERN",
      "Lateness support letter",
      PASTORAL_LEAD,
      "Send the lateness support letter",
      "Offer to talk about what makes the morning hard"),
  POST_REGISTRATION_ABSENCE(
      "R1.5",
      "Missed a lesson after registration",
      PASTORAL_LEAD,
      "Find the pupil today and check they are safe",
      "Record the reason for the missed lesson");

  private final String ruleId;
  private final String title;
  private final StaffRole owner;
  private final List<String> steps;

  TaskKind(String ruleId, String title, StaffRole owner, String... steps) {
    this.ruleId = ruleId;
    this.title = title;
    this.owner = owner;
    this.steps = List.of(steps);
  }

  /** The rule in attendance-rules.md this task comes from, e.g. "T-N5". */
  public String ruleId() {
    return ruleId;
  }

  /** The plain-English title staff see on their task list. */
  public String title() {
    return title;
  }

  /** The role whose task list it goes on. */
  public StaffRole owner() {
    return owner;
  }

  /** What to do, in order; for deletion Ground I, the four checks. */
  public List<String> steps() {
    return steps;
  }

  /** Whether this is a visit to the pupil's home (day 3 and repeats, or day 1 for the vulnerable list). */
  public boolean isHomeVisit() {
    return this == HOME_VISIT || this == FIRST_DAY_HOME_VISIT || this == WELFARE_CHECK;
  }

  /** Whether this task only applies to pupils of compulsory school age (§0.2). */
  public boolean onlyForCompulsorySchoolAge() {
    return this == ATTENDANCE_RETURN
        || this == IRREGULAR_ATTENDANCE_RETURN
        || this == SICKNESS_RETURN
        || this == PENALTY_NOTICE_CONSIDERATION;
  }
}
