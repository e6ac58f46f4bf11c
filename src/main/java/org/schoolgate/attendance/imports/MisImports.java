package org.schoolgate.attendance.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Imports from the school's MIS, for the office, the attendance officer, the headteacher and the
 * administrator of that school, or for the school's API key. Each run is recorded in the import
 * history; the data itself goes in one local transaction of its own (see decision 0006), outside
 * any container transaction, so a file of millions of marks is applied all or nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MisImports {

  /** The roles at a school that may import into it and read its import history. */
  public static final Set<StaffRole> IMPORTERS =
      EnumSet.of(StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  private static final Logger LOG = Logger.getLogger(MisImports.class.getName());

  @Resource(lookup = "jdbc/schoolgate")
  private DataSource dataSource;

  private CurrentUser currentUser;
  private ImportKeyHolder keyHolder;
  private Clock clock;
  private org.schoolgate.attendance.application.AttendanceRefresh refresh;

  protected MisImports() {}

  @Inject
  public MisImports(
      CurrentUser currentUser, ImportKeyHolder keyHolder, Clock clock,
      org.schoolgate.attendance.application.AttendanceRefresh refresh) {
    this.currentUser = currentUser;
    this.keyHolder = keyHolder;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** Whether the signed-in member of staff may import into this school. */
  public boolean mayImport(UUID schoolId) {
    return currentUser.get().map(u -> u.isStaff() && u.hasAnyRoleAt(schoolId, IMPORTERS)).orElse(false);
  }

  /**
   * Imports one file (CSV) or body (JSON array) into the school, all or nothing, and records the
   * run. Problems in the data come back in the result (nothing applied); a caller without
   * permission gets an access-denied failure before anything is read.
   */
  public ImportResult importFile(
      UUID schoolId, ImportKind kind, ImportPipeline.Format format, String fileName, InputStream in) {
    ImportActor actor = authorise(schoolId);
    String name = fileName == null || fileName.isBlank() ? kind.label() + (format == ImportPipeline.Format.CSV ? ".csv" : ".json") : fileName.trim();
    UUID runId;
    try (Connection c = dataSource.getConnection()) {
      runId = ImportRuns.start(c, schoolId, kind, name, actor, OffsetDateTime.now(clock));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the import", e);
    }
    long started = System.nanoTime();
    ImportResult result;
    try (Connection c = dataSource.getConnection()) {
      result = new ImportPipeline(CodeBook.standard(), ImportLimits.STANDARD, clock).run(c, schoolId, kind, format, name, in, actor);
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Import run " + runId + " failed", e);
      try (Connection c = dataSource.getConnection()) {
        ImportRuns.failed(c, runId, "The import stopped: " + e.getMessage(), OffsetDateTime.now(clock));
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException("The import stopped", e);
    }
    try (Connection c = dataSource.getConnection()) {
      ImportRuns.finish(c, runId, result, OffsetDateTime.now(clock));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the import's outcome", e);
    }
    if (result.applied() && result.rowsApplied() > 0 && kind != ImportKind.GUARDIANS) {
      // the figures, stages and tasks follow the new register before the import answers
      refresh.school(schoolId);
    }
    LOG.info(
        () -> "Import run " + runId + " (" + kind + ") " + (result.applied() ? "applied" : "refused") + ": " + result.rowsRead()
            + " rows read, " + result.rowsApplied() + " applied, " + result.errorCount() + " errors, "
            + (System.nanoTime() - started) / 1_000_000 + " ms");
    return new ImportResult(
        runId, result.kind(), result.fileName(), result.applied(), result.rowsRead(), result.rowsApplied(), result.errors(),
        result.errorCount(), result.unit());
  }

  /** The school's latest import runs, newest first. */
  public List<ImportRuns.Run> history(UUID schoolId, int limit) {
    authorise(schoolId);
    try (Connection c = dataSource.getConnection()) {
      return ImportRuns.history(c, schoolId, Math.max(1, Math.min(limit, 500)));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the import history", e);
    }
  }

  /** Writes the marks amended in Schoolgate since the instant as CSV; returns how many. */
  public long writeAmendedMarks(UUID schoolId, OffsetDateTime since, Writer out) throws IOException {
    authorise(schoolId);
    try (Connection c = dataSource.getConnection()) {
      return AmendedMarks.write(c, schoolId, since, out);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the amended marks", e);
    }
  }

  private ImportActor authorise(UUID schoolId) {
    Optional<ImportApiKey> key = apiKey();
    if (key.isPresent()) {
      if (!key.get().schoolId().equals(schoolId)) {
        throw new NotFoundException("School");
      }
      return ImportActor.apiKey(key.get().label());
    }
    SignedInUser user = currentUser.requireStaff();
    Set<StaffRole> roles = user.rolesAt(schoolId).stream().filter(IMPORTERS::contains).collect(Collectors.toSet());
    if (roles.isEmpty()) {
      throw new AccessDeniedException(
          "Only the office, the attendance officer, the headteacher or the administrator of this school may import into it");
    }
    String position =
        roles.stream().sorted().map(StaffRole::label).collect(Collectors.joining(", "));
    return new ImportActor(user.id(), user.displayName(), position);
  }

  private Optional<ImportApiKey> apiKey() {
    try {
      return keyHolder.key();
    } catch (ContextNotActiveException notInARequest) {
      return Optional.empty();
    }
  }
}
