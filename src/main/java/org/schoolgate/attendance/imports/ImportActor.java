package org.schoolgate.attendance.imports;

import java.util.UUID;

/**
 * Who ran an import, as the register's amendment history records it: a member of staff (their id,
 * name and position at the school) or a school's API key (no staff id).
 */
public record ImportActor(UUID staffId, String name, String position) {

  public static ImportActor apiKey(String label) {
    return new ImportActor(null, "API key \"" + label + "\"", "MIS integration");
  }
}
