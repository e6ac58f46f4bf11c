package org.schoolgate.directory.domain;

/** Why the school does not meet on a day inside a term. */
public enum ClosureKind {
  HALF_TERM("Half term"),
  INSET("INSET day"),
  BANK_HOLIDAY("Bank holiday"),
  HOLIDAY("School holiday"),
  /** An unplanned whole-school closure (snow, heating failure); registers use Y4 rather than #. */
  UNPLANNED("Unplanned closure");

  private final String label;

  ClosureKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Planned closures are recorded as # in the register; unplanned ones as Y4. */
  public boolean planned() {
    return this != UNPLANNED;
  }
}
