package org.schoolgate.attendance.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * API keys for a school's imports: an administrator of the school creates one (the secret is shown
 * once), lists and revokes them; the import endpoints resolve a key to its school. A key is 32
 * random bytes, so a fast SHA-256 hash is enough to store it safely.
 */
@ApplicationScoped
public class ImportApiKeys {

  /** A new key with its secret, which is never shown again. */
  public record Created(ImportApiKey key, String secret) {}

  static final String PREFIX = "sgk_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, school_id, label, created_at, created_by, revoked_at, last_used_at";

  @Resource(lookup = "jdbc/schoolgate")
  private DataSource dataSource;

  private CurrentUser currentUser;
  private Clock clock;

  protected ImportApiKeys() {}

  @Inject
  public ImportApiKeys(CurrentUser currentUser, Clock clock) {
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public Created create(UUID schoolId, String label) {
    SignedInUser admin = requireAdministrator(schoolId);
    if (label == null || label.isBlank() || label.trim().length() > 100) {
      throw new InvalidInputException("label", "label: name the key (up to 100 characters), e.g. \"SIMS nightly export\"");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ImportApiKey key = new ImportApiKey(UUID.randomUUID(), schoolId, label.trim(), OffsetDateTime.now(clock), admin.displayName(), null, null);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into school_api_key (id, school_id, key_hash, label, created_at, created_by) values (?, ?, ?, ?, ?, ?)")) {
      StagingSql.bind(s, key.id(), schoolId, hash(secret), key.label(), key.createdAt(), key.createdBy()).executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the API key", e);
    }
    return new Created(key, secret);
  }

  public List<ImportApiKey> list(UUID schoolId) {
    requireAdministrator(schoolId);
    List<ImportApiKey> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            StagingSql.bind(
                c.prepareStatement("select " + COLUMNS + " from school_api_key where school_id = ? order by created_at"),
                schoolId);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        keys.add(key(rs));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the API keys", e);
    }
    return keys;
  }

  public void revoke(UUID schoolId, UUID keyId) {
    requireAdministrator(schoolId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update school_api_key set revoked_at = coalesce(revoked_at, ?) where id = ? and school_id = ?")) {
      if (StagingSql.bind(s, OffsetDateTime.now(clock), keyId, schoolId).executeUpdate() == 0) {
        throw new NotFoundException("API key");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not revoke the API key", e);
    }
  }

  /** The key this secret belongs to, if it exists and is not revoked; notes when it was last used. */
  public Optional<ImportApiKey> resolve(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      ImportApiKey key;
      try (PreparedStatement s =
              StagingSql.bind(
                  c.prepareStatement(
                      "select " + COLUMNS + " from school_api_key where key_hash = ? and revoked_at is null"),
                  hash(secret));
          ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        key = key(rs);
      }
      try (PreparedStatement s = c.prepareStatement("update school_api_key set last_used_at = ? where id = ?")) {
        StagingSql.bind(s, OffsetDateTime.now(clock), key.id()).executeUpdate();
      }
      return Optional.of(key);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check the API key", e);
    }
  }

  private SignedInUser requireAdministrator(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    if (!user.hasRoleAt(schoolId, StaffRole.ADMINISTRATOR)) {
      throw new AccessDeniedException("Only an administrator of this school may manage its API keys");
    }
    return user;
  }

  private static ImportApiKey key(ResultSet rs) throws SQLException {
    return new ImportApiKey(
        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
