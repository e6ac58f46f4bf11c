package org.schoolgate.messaging.application;

import java.util.List;
import java.util.UUID;

/**
 * A pupil's or a family's timeline as the signed-in member of staff may see it.
 *
 * @param heading the pupil's name, or the guardian's
 * @param guardianId the family's guardian, for a family timeline; null for a pupil's
 * @param pupils the children covered that this person may see
 * @param seesRestricted whether safeguarding entries are shown (DSL or headteacher)
 * @param items newest first
 */
public record LogTimeline(String heading, UUID guardianId, List<LogPupil> pupils, boolean seesRestricted, List<LogItem> items) {

  public LogTimeline {
    pupils = List.copyOf(pupils);
    items = List.copyOf(items);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }
}
