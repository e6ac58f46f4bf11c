package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Pupils, matched by UPN within the school: new UPNs are added, known ones updated where the MIS
 * says something different. Staff-only fields (medical evidence, the vulnerable list) are kept.
 * One MERGE on both PostgreSQL (15 or later) and H2.
 */
final class PupilTarget implements ImportTarget {

  static final String STAGE = "import_pupil_stage";

  /** Columns copied from the MIS, compared to decide whether a pupil changed. */
  private static final List<String> COPIED =
      List.of(
          "legal_first_name", "legal_last_name", "preferred_first_name", "preferred_last_name", "date_of_birth",
          "year_group", "gender", "sen_status", "on_roll_from", "on_roll_to", "pupil_premium", "eal", "looked_after",
          "social_worker", "child_in_need", "child_protection", "dual_registered");

  private final Connection connection;
  private final UUID schoolId;
  private final StagingSql.Batch batch;

  PupilTarget(Connection connection, ImportDialect dialect, UUID schoolId) throws SQLException {
    this.connection = connection;
    this.schoolId = schoolId;
    StagingSql.execute(
        connection,
        dialect.createStagingTable(
            STAGE,
            "line bigint not null, new_id uuid not null, upn varchar(13) not null, legal_first_name varchar(100) not null,"
                + " legal_last_name varchar(100) not null, preferred_first_name varchar(100),"
                + " preferred_last_name varchar(100), date_of_birth date not null, year_group integer not null,"
                + " gender varchar(10) not null, sen_status varchar(10) not null, on_roll_from date not null,"
                + " on_roll_to date, group_name varchar(40), pupil_premium boolean not null, eal boolean not null,"
                + " looked_after boolean not null, social_worker boolean not null, child_in_need boolean not null,"
                + " child_protection boolean not null, dual_registered boolean not null"));
    batch =
        new StagingSql.Batch(
            connection,
            "insert into " + STAGE + " (line, new_id, upn, " + String.join(", ", COPIED) + ", group_name)"
                + " values (?, ?, ?" + ", ?".repeat(COPIED.size()) + ", ?)");
  }

  @Override
  public void add(ImportRow row, ImportProblems problems) throws SQLException {
    PupilRow p = PupilRow.parse(row, problems);
    if (p == null) {
      return;
    }
    batch.add(
        p.line(), UUID.randomUUID(), p.upn(), p.legalFirstName(), p.legalLastName(), p.preferredFirstName(),
        p.preferredLastName(), p.dateOfBirth(), p.yearGroup(), p.gender().name(), p.senStatus().name(), p.onRollFrom(),
        p.onRollTo(), p.pupilPremium(), p.eal(), p.lookedAfter(), p.socialWorker(), p.childInNeed(),
        p.childProtection(), p.dualRegistered(), p.group());
  }

  @Override
  public void endOfRows() throws SQLException {
    batch.close();
  }

  @Override
  public void check(ImportProblems problems) throws SQLException {
    StagingSql.reportRepeats(
        connection,
        problems,
        STAGE,
        List.of("upn"),
        "",
        null,
        "upn",
        rs -> new ImportError(rs.getLong(1), "UPN " + rs.getString(3) + " appears again (first on line " + rs.getLong(2) + ")"));
    String unknownGroup =
        " from " + STAGE + " s where s.group_name is not null and not exists"
            + " (select 1 from teaching_group g where g.school_id = ? and g.name = s.group_name)";
    StagingSql.report(
        connection,
        problems,
        "select count(*)" + unknownGroup,
        "select s.line, s.group_name" + unknownGroup + " order by s.line fetch first ? rows only",
        rs -> new ImportError(rs.getLong(1), "group \"" + rs.getString(2) + "\" is not a class or tutor group of this school"),
        schoolId);
  }

  @Override
  public long apply(ImportActor actor, OffsetDateTime now, String fileName, ImportProblems problems) throws SQLException {
    StringBuilder changed = new StringBuilder("p.group_id is distinct from coalesce(s.group_id, p.group_id)");
    StringBuilder set = new StringBuilder("version = p.version + 1, group_id = coalesce(s.group_id, p.group_id)");
    for (String c : COPIED) {
      changed.append(" or p.").append(c).append(" is distinct from s.").append(c);
      set.append(", ").append(c).append(" = s.").append(c);
    }
    String sql =
        "merge into pupil p using (select s.*, g.id group_id from " + STAGE + " s left join teaching_group g"
            + " on g.school_id = ? and g.name = s.group_name) s on (p.school_id = ? and p.upn = s.upn)"
            + " when matched and (" + changed + ") then update set " + set
            + " when not matched then insert (id, version, school_id, upn, group_id, vulnerable_list,"
            + " medical_evidence_required, " + String.join(", ", COPIED) + ")"
            + " values (s.new_id, 1, ?, s.upn, s.group_id, false, false, s." + String.join(", s.", COPIED) + ")";
    try (PreparedStatement merge = connection.prepareStatement(sql)) {
      StagingSql.bind(merge, schoolId, schoolId, schoolId);
      return merge.executeLargeUpdate();
    }
  }
}
