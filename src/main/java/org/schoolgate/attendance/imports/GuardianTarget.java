package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Guardians and their links to pupils. The MIS sends no guardian id we keep, so a row is matched
 * to a guardian already linked to that pupil with the same first and last name; failing that, to
 * a guardian of another pupil of the school with the same name and the same mobile or email (a
 * sibling's parent); failing that, a new guardian is added. Blank contact values keep what is held;
 * no-contact orders and opt-outs, set by staff, are never changed by an import.
 */
final class GuardianTarget implements ImportTarget {

  static final String STAGE = "import_guardian_stage";

  private final Connection connection;
  private final UUID schoolId;
  private final StagingSql.Batch batch;

  GuardianTarget(Connection connection, ImportDialect dialect, UUID schoolId) throws SQLException {
    this.connection = connection;
    this.schoolId = schoolId;
    StagingSql.execute(
        connection,
        dialect.createStagingTable(
            STAGE,
            "line bigint not null, upn varchar(13) not null, title varchar(20), first_name varchar(100) not null,"
                + " last_name varchar(100) not null, mobile varchar(20), landline varchar(20), email varchar(254),"
                + " relationship varchar(30) not null, parental_responsibility boolean not null,"
                + " lives_with_pupil boolean not null, contact_priority integer not null, language varchar(5),"
                + " channel varchar(10)"));
    batch =
        new StagingSql.Batch(
            connection,
            "insert into " + STAGE + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  @Override
  public void add(ImportRow row, ImportProblems problems) throws SQLException {
    GuardianRow g = GuardianRow.parse(row, problems);
    if (g == null) {
      return;
    }
    batch.add(
        g.line(), g.upn(), g.title(), g.firstName(), g.lastName(), g.mobile(), g.landline(), g.email(),
        g.relationship(), g.parentalResponsibility(), g.livesWithPupil(), g.contactPriority(), g.language(),
        g.preferredChannel() == null ? null : g.preferredChannel().name());
  }

  @Override
  public void endOfRows() throws SQLException {
    batch.close();
  }

  @Override
  public void check(ImportProblems problems) throws SQLException {
    StagingSql.reportUnknownUpns(connection, problems, STAGE, schoolId);
    StagingSql.reportRepeats(
        connection,
        problems,
        STAGE,
        List.of("upn", "lower(first_name) f", "lower(last_name) l"),
        "",
        null,
        "upn",
        rs ->
            new ImportError(
                rs.getLong(1), "the same guardian of UPN " + rs.getString(3) + " appears again (first on line " + rs.getLong(2) + ")"));
  }

  @Override
  public long apply(ImportActor actor, OffsetDateTime now, String fileName, ImportProblems problems) throws SQLException {
    long changed = 0;
    try (PreparedStatement rows =
            connection.prepareStatement(
                "select p.id, s.title, s.first_name, s.last_name, s.mobile, s.landline, s.email, s.relationship,"
                    + " s.parental_responsibility, s.lives_with_pupil, s.contact_priority, s.language, s.channel from "
                    + STAGE + " s join pupil p on p.school_id = ? and p.upn = s.upn order by s.line");
        PreparedStatement linked =
            connection.prepareStatement(
                "select g.id, l.id from pupil_guardian l join guardian g on g.id = l.guardian_id where l.pupil_id = ?"
                    + " and lower(g.first_name) = lower(?) and lower(g.last_name) = lower(?) order by l.contact_priority");
        PreparedStatement sibling =
            connection.prepareStatement(
                "select g.id from guardian g where lower(g.first_name) = lower(?) and lower(g.last_name) = lower(?)"
                    + " and (g.mobile = ? or g.email = ?) and exists (select 1 from pupil_guardian l join pupil p"
                    + " on p.id = l.pupil_id where l.guardian_id = g.id and p.school_id = ?) order by g.id");
        PreparedStatement insertGuardian =
            connection.prepareStatement(
                "insert into guardian (id, version, title, first_name, last_name, mobile, landline, email,"
                    + " preferred_language, preferred_channel, sms_opt_out)"
                    + " values (?, 1, ?, ?, ?, ?, ?, ?, coalesce(?, 'en'), coalesce(?, 'SMS'), false)");
        PreparedStatement updateGuardian =
            connection.prepareStatement(
                "update guardian set version = version + 1, title = coalesce(?, title), first_name = ?, last_name = ?,"
                    + " mobile = coalesce(?, mobile), landline = coalesce(?, landline), email = coalesce(?, email),"
                    + " preferred_language = coalesce(?, preferred_language),"
                    + " preferred_channel = coalesce(?, preferred_channel) where id = ? and (title is distinct from"
                    + " coalesce(?, title) or first_name <> ? or last_name <> ? or mobile is distinct from"
                    + " coalesce(?, mobile) or landline is distinct from coalesce(?, landline) or email is distinct from"
                    + " coalesce(?, email) or preferred_language <> coalesce(?, preferred_language)"
                    + " or preferred_channel <> coalesce(?, preferred_channel))");
        PreparedStatement insertLink =
            connection.prepareStatement(
                "insert into pupil_guardian (id, version, pupil_id, guardian_id, relationship, parental_responsibility,"
                    + " lives_with_pupil, contact_priority, flagged_for_correspondence, no_contact)"
                    + " values (?, 1, ?, ?, ?, ?, ?, ?, ?, false)");
        PreparedStatement updateLink =
            connection.prepareStatement(
                "update pupil_guardian set version = version + 1, relationship = ?, parental_responsibility = ?,"
                    + " lives_with_pupil = ?, contact_priority = ? where id = ? and (relationship <> ?"
                    + " or parental_responsibility <> ? or lives_with_pupil <> ? or contact_priority <> ?)")) {
      StagingSql.bind(rows, schoolId);
      try (ResultSet rs = rows.executeQuery()) {
        while (rs.next()) {
          UUID pupil = rs.getObject(1, UUID.class);
          String title = rs.getString(2), first = rs.getString(3), last = rs.getString(4);
          String mobile = rs.getString(5), landline = rs.getString(6), email = rs.getString(7);
          String relationship = rs.getString(8);
          boolean pr = rs.getBoolean(9), lives = rs.getBoolean(10);
          int priority = rs.getInt(11);
          String language = rs.getString(12), channel = rs.getString(13);
          UUID guardian = null;
          UUID link = null;
          StagingSql.bind(linked, pupil, first, last);
          try (ResultSet l = linked.executeQuery()) {
            if (l.next()) {
              guardian = l.getObject(1, UUID.class);
              link = l.getObject(2, UUID.class);
            }
          }
          if (guardian == null && (mobile != null || email != null)) {
            StagingSql.bind(sibling, first, last, mobile, email, schoolId);
            try (ResultSet s = sibling.executeQuery()) {
              if (s.next()) {
                guardian = s.getObject(1, UUID.class);
              }
            }
          }
          boolean rowChanged;
          if (guardian == null) {
            guardian = UUID.randomUUID();
            StagingSql.bind(insertGuardian, guardian, title, first, last, mobile, landline, email, language, channel);
            insertGuardian.executeUpdate();
            rowChanged = true;
          } else {
            StagingSql.bind(
                updateGuardian, title, first, last, mobile, landline, email, language, channel, guardian, title, first,
                last, mobile, landline, email, language, channel);
            rowChanged = updateGuardian.executeUpdate() > 0;
          }
          if (link == null) {
            StagingSql.bind(insertLink, UUID.randomUUID(), pupil, guardian, relationship, pr, lives, priority, pr);
            insertLink.executeUpdate();
            rowChanged = true;
          } else {
            StagingSql.bind(updateLink, relationship, pr, lives, priority, link, relationship, pr, lives, priority);
            rowChanged |= updateLink.executeUpdate() > 0;
          }
          if (rowChanged) {
            changed++;
          }
        }
      }
    }
    return changed;
  }
}
