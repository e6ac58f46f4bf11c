package org.schoolgate.attendance.imports;

import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Where one kind of import goes: rows are checked one by one and staged in a temporary table;
 * then the whole file is checked in SQL; only a file without problems is applied.
 */
interface ImportTarget {

  /** Parses one row; a good row is staged, a bad one adds its problems. */
  void add(ImportRow row, ImportProblems problems) throws SQLException;

  /** Every row has been added: sends what is still buffered. */
  void endOfRows() throws SQLException;

  /** Checks that need the whole file and the school's records (unknown UPN, roll, duplicates). */
  void check(ImportProblems problems) throws SQLException;

  /**
   * Applies the staged rows, changing only what differs. Problems found only now (PostgreSQL
   * refusing two rows for one mark) go to {@code problems}; the caller then rolls back.
   *
   * @return the rows added or changed
   */
  long apply(ImportActor actor, OffsetDateTime now, String fileName, ImportProblems problems) throws SQLException;

  /** The import stopped half-way (the upload broke off): end any transfer so the transaction can roll back. */
  default void abort() {}
}
