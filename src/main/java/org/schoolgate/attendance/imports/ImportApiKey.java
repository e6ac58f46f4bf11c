package org.schoolgate.attendance.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A school's API key for imports, without its secret (only a hash of that is kept). */
public record ImportApiKey(
    UUID id, UUID schoolId, String label, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
