package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database an import runs on: PostgreSQL (production) or the demo's H2. */
enum ImportDialect {
  POSTGRESQL,
  H2;

  static ImportDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("postgres") ? POSTGRESQL : H2;
  }

  /** A staging table private to this connection, dropped when the transaction ends (commit or rollback). */
  String createStagingTable(String name, String columns) {
    return this == POSTGRESQL
        ? "create temporary table " + name + " (" + columns + ") on commit drop"
        // TRANSACTIONAL: H2 otherwise commits the open transaction on DDL.
        : "create local temporary table " + name + " (" + columns + ") on commit drop transactional";
  }
}
