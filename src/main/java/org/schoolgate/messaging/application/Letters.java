package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.LearningLostTable;
import org.schoolgate.attendance.domain.SessionLengths;
import org.schoolgate.directory.domain.School;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterRenderer;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.port.EmailToSend;
import org.schoolgate.messaging.template.LetterText;

/**
 * Letters as PDFs: each letter message becomes a print-ready PDF stored beside it (so what was
 * printed is exactly what was sent, and a copy can be emailed or downloaded from the family's
 * log), and the office prints a day's letters as one batch with a cover sheet.
 */
@ApplicationScoped
public class Letters {

  private DataSource dataSource;
  private LetterRenderer renderer;
  private EntityManagerFactory emf;
  private Clock clock;

  protected Letters() {}

  @Inject
  public Letters(DataSource dataSource, LetterRenderer renderer, Clock clock) {
    this.dataSource = dataSource;
    this.renderer = renderer;
    this.clock = clock;
  }

  @PersistenceUnit(unitName = "schoolgate")
  void setEntityManagerFactory(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /** A letter waiting in the print queue, or printed. */
  public record QueuedLetter(UUID messageId, String title, String recipient, OffsetDateTime createdAt, int pages, OffsetDateTime printedAt) {}

  /** Renders a claimed letter and stores its PDF; returns its page count. */
  int produce(Claimed m) {
    LetterDocument letter = documentOf(m.id());
    byte[] pdf = renderer.render(letter);
    int pages = renderer.pageCount(pdf);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("insert into message_document (message_id, pdf, pages) values (?, ?, ?)")) {
      ps.setObject(1, m.id());
      ps.setBytes(2, pdf);
      ps.setInt(3, pages);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the letter's PDF", e);
    }
    return pages;
  }

  /** The stored PDF of a letter message. */
  public byte[] pdfOf(UUID messageId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select pdf from message_document where message_id = ?")) {
      ps.setObject(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("The letter " + messageId + " has no PDF yet");
        }
        return rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the letter's PDF", e);
    }
  }

  EmailToSend.Attachment attachmentOf(UUID letterMessageId) {
    return new EmailToSend.Attachment("letter-" + letterMessageId.toString().substring(0, 8) + ".pdf", "application/pdf", pdfOf(letterMessageId));
  }

  /** Letters of a school not yet printed, oldest first. */
  public List<QueuedLetter> waitingToPrint(UUID schoolId) {
    return queued(schoolId, "d.printed_at is null", 2000);
  }

  /** Letters of a school printed recently, newest first. */
  public List<QueuedLetter> printed(UUID schoolId, int limit) {
    return queued(schoolId, "d.printed_at is not null", limit);
  }

  private List<QueuedLetter> queued(UUID schoolId, String condition, int limit) {
    String order = condition.contains("is null") ? "m.created_at" : "d.printed_at desc";
    List<QueuedLetter> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select m.id, m.subject, m.destination, m.created_at, d.pages, d.printed_at from outbound_message m"
                    + " join message_document d on d.message_id = m.id where m.school_id = ? and " + condition
                    + " order by " + order + " fetch first " + limit + " rows only")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new QueuedLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).split("\n")[0],
              rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getObject(6, OffsetDateTime.class)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the letters", e);
    }
    return out;
  }

  /**
   * One PDF for the print room: a cover sheet, then every letter given on fresh sheets, and the
   * letters marked printed by {@code printedBy}.
   */
  public byte[] printBatch(UUID schoolId, List<UUID> messageIds, String printedBy) {
    School school = school(schoolId);
    List<LetterDocument> documents = new ArrayList<>();
    for (UUID id : messageIds) {
      documents.add(documentOf(id));
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(school.zone()));
    byte[] pdf = renderer.renderBatch(new LetterRenderer.PrintBatch("Letters to post", school.getName(), printedBy, now, documents));
    UUID batch = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("update message_document set print_batch_id = ?, printed_at = ?, printed_by = ? where message_id = ?")) {
      for (UUID id : messageIds) {
        ps.setObject(1, batch);
        ps.setObject(2, OffsetDateTime.now(clock));
        ps.setString(3, printedBy);
        ps.setObject(4, id);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not mark the letters printed", e);
    }
    return pdf;
  }

  /** Rebuilds a letter from what was stored when it was saved: the rendered body and frozen values. */
  LetterDocument documentOf(UUID messageId) {
    UUID schoolId;
    String body;
    String destination;
    Map<String, String> values;
    OffsetDateTime createdAt;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select school_id, body, destination, merge_values, created_at from outbound_message where id = ?")) {
      ps.setObject(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No letter " + messageId);
        }
        schoolId = rs.getObject(1, UUID.class);
        body = rs.getString(2);
        destination = rs.getString(3);
        values = parse(rs.getString(4));
        createdAt = rs.getObject(5, OffsetDateTime.class);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the letter", e);
    }
    School school = school(schoolId);
    Map<String, LetterDocument.Table> tables = new HashMap<>();
    tables.put("learning_hours_lost", learningHoursLost(school));
    tables.put("attendance_summary", attendanceSummary(values));
    String headteacher = values.getOrDefault("headteacher", school.getHeadteacherName());
    return new LetterDocument(
        letterhead(school),
        Arrays.asList(destination.split("\n")),
        createdAt.atZoneSameInstant(school.zone()).toLocalDate(),
        "SG-" + messageId.toString().substring(0, 8).toUpperCase(),
        values.getOrDefault("salutation", "Dear Parent or Carer") + ",",
        LetterText.parse(body, tables),
        "Yours sincerely,",
        headteacher == null ? school.getName() : headteacher,
        headteacher == null ? "" : "Headteacher");
  }

  static LetterDocument.Letterhead letterhead(School school) {
    List<String> address = school.getAddress() == null ? List.of() : Arrays.stream(school.getAddress().split("[,\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new LetterDocument.Letterhead(school.getName(), address, school.getPhone(), school.getEmail(), school.getBrandColour(), null);
  }

  /** The learning hours lost table from the school's own calendar and session lengths (rules §3.5). */
  static LetterDocument.Table learningHoursLost(School school) {
    List<List<String>> rows = new ArrayList<>();
    for (LearningLostTable.Row r : LearningLostTable.generated(school.getSchoolYearDays(), SessionLengths.of(school))) {
      rows.add(List.of(r.percent().stripTrailingZeros().toPlainString() + "%", MergeValues.plain(r.daysOff()), MergeValues.plain(r.weeksOff()),
          MergeValues.plain(r.hoursLost())));
    }
    return new LetterDocument.Table(List.of("Attendance over a year", "Days of school missed", "Weeks missed", "Hours of learning lost"), rows);
  }

  static LetterDocument.Table attendanceSummary(Map<String, String> v) {
    List<List<String>> rows = new ArrayList<>();
    add(rows, "Attendance this year", v.get("attendance_pct") == null ? null : v.get("attendance_pct") + "%");
    add(rows, "Sessions missed (half days)", v.get("absence_sessions"));
    add(rows, "Days missed", v.get("days_missed"));
    add(rows, "Hours of learning missed", v.get("hours_missed"));
    add(rows, "Lessons missed", v.get("lessons_missed"));
    add(rows, "Days missed by a typical pupil in the year group", v.get("cohort_days_missed"));
    return new LetterDocument.Table(List.of("", ""), rows);
  }

  private static void add(List<List<String>> rows, String label, String value) {
    if (value != null) {
      rows.add(List.of(label, value));
    }
  }

  private School school(UUID schoolId) {
    EntityManager em = emf.createEntityManager();
    try {
      return em.find(School.class, schoolId);
    } finally {
      em.close();
    }
  }

  static Map<String, String> parse(String json) {
    Map<String, String> out = new HashMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      o.keySet().forEach(k -> out.put(k, o.getString(k, "")));
    }
    return out;
  }

}
