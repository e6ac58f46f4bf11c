package org.schoolgate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real PostgreSQL server that Payara Micro uses during the integration tests, before the
 * first test class boots a container, and stops it when the run ends. Failsafe sets
 * {@code it.postgres.port} (a free port reserved by the build) and points the application's pool at
 * it through the environment; in unit-test runs the property is absent and nothing starts.
 */
public class IntegrationDatabase implements LauncherSessionListener {

  private static final Logger LOG = Logger.getLogger(IntegrationDatabase.class.getName());
  private static EmbeddedPostgres server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("it.postgres.port");
    if (port == null || port.isBlank() || server != null) {
      return;
    }
    try {
      Path dir = Path.of(System.getProperty("schoolgate.it.dir", "target/it"), "postgres");
      Files.createDirectories(dir.getParent());
      server =
          EmbeddedPostgres.builder()
              .setPort(Integer.parseInt(port))
              .setOverrideWorkingDirectory(dir.getParent().resolve("postgres-work").toFile())
              .setCleanDataDirectory(true)
              .start();
      LOG.info(() -> "PostgreSQL for the integration tests listens on port " + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start PostgreSQL for the integration tests", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        LOG.warning("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      server = null;
    }
  }

  /** The database the deployed application uses, for tests that check what it stored. */
  public static DataSource dataSource() {
    if (server == null) {
      throw new IllegalStateException("The integration-test database runs only under failsafe (mvn verify)");
    }
    return server.getPostgresDatabase();
  }
}
