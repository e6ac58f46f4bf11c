package org.schoolgate.attendance.domain.triggers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Unbroken runs in a sequence of days or sessions: each item extends the current run, is passed
 * over (a non-counted code, a register not yet taken) or breaks it. The last run is "live" when
 * nothing has broken it since: the situation is still going on.
 */
record Runs<T>(List<List<T>> runs, boolean lastOpen) {

  enum Step {
    COUNT,
    SKIP,
    BREAK
  }

  static <T> Runs<T> of(List<T> items, Function<T, Step> step) {
    List<List<T>> runs = new ArrayList<>();
    List<T> current = new ArrayList<>();
    for (T item : items) {
      switch (step.apply(item)) {
        case COUNT -> current.add(item);
        case SKIP -> {}
        case BREAK -> {
          if (!current.isEmpty()) {
            runs.add(List.copyOf(current));
            current = new ArrayList<>();
          }
        }
      }
    }
    boolean open = !current.isEmpty();
    if (open) {
      runs.add(List.copyOf(current));
    }
    return new Runs<>(List.copyOf(runs), open);
  }

  /** The run still going on at the end of the sequence, if any. */
  Optional<List<T>> live() {
    return lastOpen ? Optional.of(runs.get(runs.size() - 1)) : Optional.empty();
  }
}
