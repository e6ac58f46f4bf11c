package org.schoolgate.directory.domain;

import java.math.BigDecimal;

/**
 * How a school compares attendance with a stage threshold: strictly below ({@code <}) or at or
 * below ({@code <=}). Comparison is exact: attended/possible against the threshold percentage,
 * cross-multiplied, never a rounded percentage.
 */
public enum ThresholdComparator {
  BELOW("<"),
  AT_OR_BELOW("<=");

  private final String symbol;

  ThresholdComparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public static ThresholdComparator ofSymbol(String symbol) {
    for (ThresholdComparator c : values()) {
      if (c.symbol.equals(symbol.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown comparator " + symbol);
  }

  /** Whether attended/possible meets this comparison with thresholdPercent (e.g. 90). */
  public boolean matches(long attended, long possible, BigDecimal thresholdPercent) {
    if (possible <= 0) {
      return false;
    }
    // attended/possible ? t/100  <=>  attended*100 ? t*possible (exact, t may have decimals)
    BigDecimal left = BigDecimal.valueOf(attended).multiply(BigDecimal.valueOf(100));
    BigDecimal right = thresholdPercent.multiply(BigDecimal.valueOf(possible));
    int cmp = left.compareTo(right);
    return this == BELOW ? cmp < 0 : cmp <= 0;
  }

}
