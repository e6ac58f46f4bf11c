package org.schoolgate.attendance.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.attendance.domain.CodeBook;

/**
 * Runs one import on one connection, all or nothing: reads the rows one at a time (CSV or JSON),
 * checks each, stages the good ones, checks the whole file in SQL, and only when no row has a
 * problem applies it and commits. Any problem rolls everything back and reports the first errors
 * with their line numbers and the total count. Plain Java over JDBC, so tests run it directly.
 */
public final class ImportPipeline {

  /** The format of the incoming rows. */
  public enum Format {
    CSV,
    JSON
  }

  private final CodeBook codes;
  private final ImportLimits limits;
  private final Clock clock;

  public ImportPipeline(CodeBook codes, ImportLimits limits, Clock clock) {
    this.codes = codes;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Imports {@code in} into the school. The connection must not be in a transaction: this method
   * owns it, commits on success and rolls back otherwise, and restores auto-commit.
   */
  public ImportResult run(
      Connection connection, UUID schoolId, ImportKind kind, Format format, String fileName, InputStream in, ImportActor actor)
      throws SQLException, IOException {
    ImportProblems problems = new ImportProblems(limits.errorsReported());
    long read = 0;
    long applied = 0;
    boolean committed = false;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    InputStream limited = new SizeLimitedInputStream(in, limits.maxBytes());
    String unit = format == Format.CSV ? "line" : "item";
    try (RowSource rows = format == Format.CSV ? new CsvRowSource(limited, kind) : new JsonRowSource(limited)) {
      ImportTarget target = target(connection, ImportDialect.of(connection), schoolId, kind);
      try {
        for (ImportRow row = rows.next(problems); row != null; row = rows.next(problems)) {
          read++;
          target.add(row, problems);
        }
      } catch (SizeLimitedInputStream.TooLarge e) {
        problems.add(0, e.getMessage());
      } catch (IOException | SQLException | RuntimeException e) {
        target.abort();
        throw e;
      }
      target.endOfRows();
      if (read == 0 && problems.isEmpty()) {
        problems.add(0, "The file has no rows to import");
      }
      if (problems.total() == 0 || !tooLarge(problems)) {
        target.check(problems);
      }
      if (problems.isEmpty()) {
        applied = target.apply(actor, OffsetDateTime.now(clock), fileName, problems);
      }
      if (problems.isEmpty()) {
        connection.commit();
        committed = true;
      } else {
        applied = 0;
      }
    } finally {
      if (!committed) {
        connection.rollback();
      }
      connection.setAutoCommit(autoCommit);
    }
    return new ImportResult(null, kind, fileName, committed, read, applied, problems.first(), problems.total(), unit);
  }

  private static boolean tooLarge(ImportProblems problems) {
    return problems.first().stream().anyMatch(e -> e.line() == 0 && e.message().startsWith("The file is larger"));
  }

  private ImportTarget target(Connection c, ImportDialect dialect, UUID schoolId, ImportKind kind) throws SQLException {
    return switch (kind) {
      case MARKS -> new MarkTarget(c, dialect, schoolId, codes);
      case PUPILS -> new PupilTarget(c, dialect, schoolId);
      case GUARDIANS -> new GuardianTarget(c, dialect, schoolId);
      case CALENDAR -> new CalendarTarget(c, dialect, schoolId);
    };
  }
}
