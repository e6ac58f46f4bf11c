/** Flyway's Java migrations: schema changes that read data files shipped with the application. */
package db.migration;
