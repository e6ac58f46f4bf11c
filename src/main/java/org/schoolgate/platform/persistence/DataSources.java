package org.schoolgate.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The application's JTA data source as a CDI bean, for the few set-based jobs (figures, imports)
 * that run plain SQL. Connections taken inside a transaction join it.
 */
@ApplicationScoped
public class DataSources {

  @Produces
  @Resource(lookup = "jdbc/schoolgate")
  private DataSource dataSource;
}
