package org.schoolgate.directory.domain;

import java.util.ArrayList;
import java.util.List;

/** A UK postal address as it is printed in the window of an envelope. */
public record PostalAddress(String line1, String line2, String town, String postcode) {

  /** The non-empty lines, postcode last. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (String s : new String[] {line1, line2, town, postcode}) {
      if (s != null && !s.isBlank()) {
        lines.add(s.trim());
      }
    }
    return lines;
  }

  @Override
  public String toString() {
    return String.join(", ", lines());
  }
}
