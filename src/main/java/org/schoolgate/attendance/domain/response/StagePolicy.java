package org.schoolgate.attendance.domain.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.attendance.domain.analysis.FortnightlyReview;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;
import org.schoolgate.directory.domain.ThresholdComparator;

/**
 * Recommends a graduated-response stage from a pupil's exact figures (attendance rules §3.2, §3.3,
 * §3.7, §5). The recommendation is the highest stage whose entry condition is met, so stages may be
 * skipped. Enforcement (S4) is a staff or local-authority decision and never comes from figures.
 */
public final class StagePolicy {

  private static final BigDecimal DFE_PERSISTENT = BigDecimal.valueOf(90);

  private StagePolicy() {}

  /**
   * Whether {@link #recommend} can only answer "stay where you are" without building its reasons:
   * the pupil is in the model's first stage, has enough sessions, is not under the first
   * threshold and is not persistently absent. Every later stage's entry needs one of those (the
   * thresholds fall from Listen to Enforce), so the morning review of a trust skips most pupils.
   */
  public static boolean staysInFirstStage(AttendanceFigures figures, StageSettings settings, Stage current) {
    return current == Stage.first(settings.model())
        && figures.possible() >= Math.max(1, settings.minPossibleSessions())
        && !figures.persistentlyAbsent()
        && !figures.attendanceRate().orElseThrow().isUnder(settings.thresholds().listenComparator(), settings.thresholds().listen());
  }

  /**
   * @param figures the pupil's cumulative figures for the year so far
   * @param settings the school's model, thresholds and minimum possible sessions
   * @param current the stage the pupil is in now (of the school's model)
   * @param previousReview cumulative attendance at the previous fortnightly review, if there was one
   * @param needsHumanDecision whether the pupil has SEND, a CP or CIN plan, or is looked after
   */
  public static StageRecommendation recommend(
      AttendanceFigures figures,
      StageSettings settings,
      Stage current,
      Optional<Rate> previousReview,
      boolean needsHumanDecision) {
    if (current.model() != settings.model()) {
      throw new IllegalArgumentException(
          "The pupil's stage " + current.name() + " does not belong to the school's " + settings.model() + " model");
    }
    List<String> reasons = new ArrayList<>();
    if (!figures.hasSessions()) {
      reasons.add("No sessions recorded yet, so no stage is recommended.");
      return held(current, Hold.NO_SESSIONS, reasons);
    }
    Rate rate = figures.attendanceRate().orElseThrow();
    String attendance = describe(figures);
    if (figures.possible() < settings.minPossibleSessions()) {
      reasons.add(
          "Insufficient data: attendance is " + attendance + ". Stages are recommended from "
              + settings.minPossibleSessions() + " possible sessions.");
      return held(current, Hold.INSUFFICIENT_DATA, reasons);
    }
    StageThresholds t = settings.thresholds();
    List<String> warnings = new ArrayList<>();
    Stage entry;
    if (current == Stage.S4) {
      entry = Stage.S4;
      reasons.add("Attendance is " + attendance + ". Enforcement is led by the local authority; figures do not change it.");
    } else if (settings.model() == StageModel.FOUR_STAGE) {
      FortnightlyReview review = new FortnightlyReview(rate, previousReview);
      entry = fourStageEntry(figures, t, review, reasons, warnings);
    } else {
      entry = twinTrackEntry(figures, t, reasons);
    }
    if (figures.persistentlyAbsent()) {
      reasons.add(
          figures.severelyAbsent()
              ? "Severely absent under DfE rules: " + figures.absent() + " of " + figures.possible() + " sessions missed (50% or more)."
              : "Persistently absent under DfE rules: " + figures.absent() + " of " + figures.possible() + " sessions missed (10% or more).");
    }
    Stage recommended = entry.isAbove(current) ? entry : current;
    Optional<Stage> deEscalateTo = Optional.empty();
    if (current != Stage.S4 && previousReview.isPresent() && entry.isBelow(current)
        && clearOfEntry(current, rate, t) && clearOfEntry(current, previousReview.get(), t)) {
      deEscalateTo = Optional.of(entry);
      reasons.add(
          "Attendance has been above the " + current.label() + " entry threshold at two fortnightly reviews in a row ("
              + previousReview.get().forStaff() + "% then " + rate.forStaff() + "%): staff may consider moving to "
              + entry.label() + ".");
    }
    if (needsHumanDecision) {
      reasons.add(
          "A member of staff must decide: steps are never automatic for a pupil with SEND, a child protection or"
              + " child in need plan, or who is looked after.");
    }
    return new StageRecommendation(current, recommended, reasons, Optional.empty(), !needsHumanDecision, deEscalateTo, warnings);
  }

  private static StageRecommendation held(Stage current, Hold hold, List<String> reasons) {
    return new StageRecommendation(current, current, reasons, Optional.of(hold), false, Optional.empty(), List.of());
  }

  private static Stage fourStageEntry(
      AttendanceFigures figures, StageThresholds t, FortnightlyReview review, List<String> reasons, List<String> warnings) {
    Rate rate = review.now();
    String attendance = describe(figures);
    boolean listen = rate.isUnder(t.listenComparator(), t.listen());
    boolean facilitate = rate.isUnder(t.facilitateComparator(), t.facilitate());
    boolean enforce = rate.isUnder(t.enforceComparator(), t.enforce());
    if (figures.persistentlyAbsent() && !facilitate) {
      warnings.add(
          "Attendance is " + attendance + ": persistently absent under DfE rules, but the school's "
              + Stage.S2.label() + " threshold (" + threshold(t.facilitateComparator(), t.facilitate())
              + ") leaves the pupil out of it. We recommend <= 90%.");
    }
    if (figures.severelyAbsent() && !enforce) {
      warnings.add(
          "Attendance is " + attendance + ": severely absent under DfE rules, but the school's "
              + Stage.S3.label() + " threshold (" + threshold(t.enforceComparator(), t.enforce())
              + ") leaves the pupil out of it. We recommend <= 50%.");
    }
    if (enforce) {
      reasons.add(entered(attendance, t.enforceComparator(), t.enforce(), Stage.S3));
      return Stage.S3;
    }
    if (review.declining(t)) {
      reasons.add(
          "Attendance is " + attendance + ", " + phrase(t.facilitateComparator()) + " " + t.facilitate().toPlainString()
              + "% and lower than at the last fortnightly review (" + review.previous().orElseThrow().forStaff()
              + "%): declining, so " + Stage.S3.label() + " applies.");
      return Stage.S3;
    }
    if (facilitate) {
      reasons.add(entered(attendance, t.facilitateComparator(), t.facilitate(), Stage.S2));
      return Stage.S2;
    }
    if (listen) {
      reasons.add(entered(attendance, t.listenComparator(), t.listen(), Stage.S1));
      return Stage.S1;
    }
    reasons.add(
        "Attendance is " + attendance + ", not " + phrase(t.listenComparator()) + " the " + Stage.S1.label()
            + " threshold of " + t.listen().toPlainString() + "%.");
    return Stage.S0;
  }

  private static Stage twinTrackEntry(AttendanceFigures figures, StageThresholds t, List<String> reasons) {
    String attendance = describe(figures);
    if (figures.persistentlyAbsent()) {
      reasons.add("Attendance is " + attendance + ": " + Stage.T2.label() + " applies to every persistently or severely absent pupil.");
      return Stage.T2;
    }
    if (figures.attendanceRate().orElseThrow().isUnder(t.listenComparator(), t.listen())) {
      reasons.add(entered(attendance, t.listenComparator(), t.listen(), Stage.T1));
      return Stage.T1;
    }
    reasons.add(
        "Attendance is " + attendance + ", not " + phrase(t.listenComparator()) + " the " + Stage.T1.label()
            + " threshold of " + t.listen().toPlainString() + "%.");
    return Stage.T0;
  }

  /** Whether the rate is clear of (at or above) the threshold that brings a pupil into the stage. */
  private static boolean clearOfEntry(Stage stage, Rate rate, StageThresholds t) {
    return switch (stage) {
      case S1, T1 -> !rate.isUnder(t.listenComparator(), t.listen());
      case S2 -> !rate.isUnder(t.facilitateComparator(), t.facilitate());
      case S3 -> !rate.isUnder(t.enforceComparator(), t.enforce());
      case T2 -> !rate.isUnder(ThresholdComparator.AT_OR_BELOW, DFE_PERSISTENT);
      case S0, S4, T0 -> false;
    };
  }

  private static String entered(String attendance, ThresholdComparator comparator, BigDecimal threshold, Stage stage) {
    return "Attendance is " + attendance + ", " + phrase(comparator) + " the " + stage.label() + " threshold of "
        + threshold.toPlainString() + "%.";
  }

  private static String describe(AttendanceFigures figures) {
    return figures.attendanceRate().orElseThrow().forStaff() + "% (" + figures.attended() + " of " + figures.possible()
        + " possible sessions)";
  }

  private static String phrase(ThresholdComparator comparator) {
    return comparator == ThresholdComparator.BELOW ? "below" : "at or below";
  }

  private static String threshold(ThresholdComparator comparator, BigDecimal value) {
    return comparator.symbol() + " " + value.toPlainString() + "%";
  }
}
