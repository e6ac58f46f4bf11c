package org.schoolgate.directory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A school's graduated-response thresholds (attendance rules §0.3, product decision 1): Listen &
 * Understand below 96%, Facilitate & Formalise at or below 90%, Formalise & Enforce at or below 50%
 * by default. Each has its own comparator.
 */
public record StageThresholds(
    BigDecimal listen,
    ThresholdComparator listenComparator,
    BigDecimal facilitate,
    ThresholdComparator facilitateComparator,
    BigDecimal enforce,
    ThresholdComparator enforceComparator) {

  public static StageThresholds dfeDefaults() {
    return new StageThresholds(
        new BigDecimal("96"), ThresholdComparator.BELOW,
        new BigDecimal("90"), ThresholdComparator.AT_OR_BELOW,
        new BigDecimal("50"), ThresholdComparator.AT_OR_BELOW);
  }

  public void validate() {
    if (listenComparator == null || facilitateComparator == null || enforceComparator == null) {
      throw new InvalidInputException("thresholds", "Choose a comparator (< or <=) for each threshold");
    }
    for (BigDecimal t : java.util.Arrays.asList(listen, facilitate, enforce)) {
      if (t == null || t.signum() <= 0 || t.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new InvalidInputException("thresholds", "Thresholds are percentages between 0 and 100");
      }
    }
    if (!(listen.compareTo(facilitate) > 0 && facilitate.compareTo(enforce) > 0)) {
      throw new InvalidInputException(
          "thresholds", "Thresholds must fall from Listen to Facilitate to Enforce (for example 96, 90, 50)");
    }
  }

  /**
   * Where this configuration disagrees with the DfE's persistent (10% or more missed) and severe
   * (50% or more missed) absence flags. Shown in settings; not an error.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (facilitate.compareTo(BigDecimal.valueOf(90)) == 0 && facilitateComparator == ThresholdComparator.BELOW) {
      warnings.add(
          "A pupil at exactly 90.0% is persistently absent under DfE rules but will not enter"
              + " Facilitate & Formalise with comparator <. We recommend <=.");
    }
    if (enforce.compareTo(BigDecimal.valueOf(50)) == 0 && enforceComparator == ThresholdComparator.BELOW) {
      warnings.add(
          "A pupil at exactly 50.0% is severely absent under DfE rules but will not enter"
              + " Formalise & Enforce with comparator <. We recommend <=.");
    }
    if (facilitate.compareTo(BigDecimal.valueOf(90)) != 0) {
      warnings.add("Facilitate & Formalise does not match the DfE persistent-absence boundary of 90%.");
    }
    if (enforce.compareTo(BigDecimal.valueOf(50)) != 0) {
      warnings.add("Formalise & Enforce does not match the DfE severe-absence boundary of 50%.");
    }
    return warnings;
  }
}
