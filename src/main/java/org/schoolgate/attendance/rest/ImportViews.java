package org.schoolgate.attendance.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.schoolgate.attendance.imports.ImportApiKey;
import org.schoolgate.attendance.imports.ImportResult;
import org.schoolgate.attendance.imports.ImportRuns;

/** What the import endpoints return. */
public final class ImportViews {
  private ImportViews() {}

  /** The outcome of one import: applied, or refused with the first errors and their total. */
  public record ResultView(
      UUID runId, String kind, boolean applied, long rowsRead, long rowsApplied, long errorCount, List<String> errors) {
    public static ResultView of(ImportResult r) {
      return new ResultView(r.runId(), r.kind().label(), r.applied(), r.rowsRead(), r.rowsApplied(), r.errorCount(), r.describedErrors());
    }
  }

  public record RunView(
      UUID id, String kind, String fileName, OffsetDateTime startedAt, OffsetDateTime finishedAt, String status,
      long rowsRead, long rowsApplied, long errorCount, List<String> errors, String runBy) {
    public static RunView of(ImportRuns.Run r) {
      return new RunView(
          r.id(), r.kind().label(), r.fileName(), r.startedAt(), r.finishedAt(), r.status().name(), r.rowsRead(),
          r.rowsApplied(), r.errorCount(), r.errors(), r.runBy());
    }
  }

  public record KeyView(UUID id, String label, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    public static KeyView of(ImportApiKey k) {
      return new KeyView(k.id(), k.label(), k.createdAt(), k.createdBy(), k.revokedAt(), k.lastUsedAt());
    }
  }

  /** A new key: {@code key} is the secret, shown only in this response. */
  public record CreatedKeyView(UUID id, String label, OffsetDateTime createdAt, String key) {}

  public record NewKey(String label) {}
}
