package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.schoolgate.messaging.template.MessageTemplate;

/**
 * Which wording a school uses for a template: its newest copy that a senior member of staff has
 * signed off, or else Schoolgate's own wording from {@code message-templates/} (version 0). Every
 * message pins the version and hash it was rendered from.
 */
@ApplicationScoped
public class SchoolTemplates {

  /** The wording in use and its version number (0: Schoolgate's own). */
  public record InUse(MessageTemplate template, int version) {}

  private final Map<String, MessageTemplate> ours = new ConcurrentHashMap<>();
  private DataSource dataSource;
  private volatile List<String> catalog;

  protected SchoolTemplates() {}

  @Inject
  public SchoolTemplates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every template Schoolgate has, in catalogue order. */
  public List<MessageTemplate> all() {
    return ids().stream().map(this::ours).toList();
  }

  /** The template ids listed in message-templates/catalog.txt. */
  private List<String> ids() {
    List<String> known = catalog;
    if (known == null) {
      try (java.io.InputStream in = SchoolTemplates.class.getClassLoader().getResourceAsStream(MessageTemplate.ROOT + "catalog.txt")) {
        if (in == null) {
          throw new IllegalStateException("message-templates/catalog.txt is missing from the build");
        }
        known = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      catalog = known;
    }
    return known;
  }

  /** Schoolgate's own wording of a template. */
  public MessageTemplate ours(String templateId) {
    return ours.computeIfAbsent(templateId, MessageTemplate::load);
  }

  /** The wording a school's messages are rendered from now. */
  public InUse inUse(UUID schoolId, String templateId) {
    MessageTemplate base = ours(templateId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select v.version, t.part, t.language, t.body from message_template_version v"
                    + " join message_template_text t on t.version_id = v.id"
                    + " where v.id = (select id from message_template_version where school_id = ? and template_id = ?"
                    + " and state = 'SIGNED_OFF' order by version desc fetch first 1 rows only)")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      int version = 0;
      Map<String, String> texts = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          version = rs.getInt(1);
          texts.put(MessageTemplate.key(rs.getString(2), rs.getString(3)), rs.getString(4));
        }
      }
      return version == 0 ? new InUse(base, 0) : new InUse(base.withTexts(texts), version);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the school's wording of " + templateId, e);
    }
  }
}
