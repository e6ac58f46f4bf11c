package org.schoolgate.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the newest sign-in code the demo "sent" to a mobile or email, from the dev outbox. */
public final class DevOutboxCodes {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private DevOutboxCodes() {}

  public static Optional<String> latestCodeFor(String destination) {
    try (Connection c = IntegrationDatabase.dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement("select body from dev_outbox where destination = ? order by created_at desc, id limit 1")) {
      q.setString(1, destination);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Matcher m = CODE.matcher(rs.getString(1));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... params) {
    try (Connection c = IntegrationDatabase.dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
