package org.schoolgate.attendance.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.imports.ImportFixtures.count;
import static org.schoolgate.attendance.imports.ImportFixtures.run;
import static org.schoolgate.attendance.imports.ImportFixtures.text;

import java.io.StringWriter;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.platform.persistence.OnBothDatabases;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * Imports on PostgreSQL (COPY and ON CONFLICT) and on the demo's H2 (batches and MERGE): all or
 * nothing, idempotent, with amendments written whenever an import changes a mark's code.
 */
class ImportPipelineTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  static final String PUPILS =
      "upn,legal_first_name,legal_last_name,date_of_birth,year_group,gender,on_roll_from,on_roll_to\n"
          + "A123456789012,Zoë,Brontë,2012-09-14,8,F,2019-09-04,\n"
          + "B123456789012,Łukasz,Kowalski,2013-01-02,7,M,2025-09-03,\n"
          + "C123456789012,Sam,Leaver,2012-05-05,8,O,2019-09-04,2025-09-05\n";

  static final String MARKS = "upn,date,session,code,minutes_late,arrival_time,reason\n";

  /** Marks of this test's school: append conditions with "and". */
  private static final String OURS = " from attendance_mark m join pupil p on p.id = m.pupil_id where p.school_id = ?";

  private DataSource db;
  private UUID school;

  private void given(Engine engine) throws Exception {
    db = databases.migrated(engine).dataSource();
    school = ImportFixtures.school(db);
    assertThat(run(db, school, ImportKind.PUPILS, "pupils.csv", PUPILS).applied()).isTrue();
  }

  private long marks() throws Exception {
    return count(db, "select count(*) from attendance_mark m join pupil p on p.id = m.pupil_id where p.school_id = ?", school);
  }

  private long amendments() throws Exception {
    return count(db, "select count(*) from mark_amendment a join pupil p on p.id = a.pupil_id where p.school_id = ?", school);
  }

  @OnBothDatabases
  void importing_the_same_pupils_again_changes_nothing_and_a_changed_name_is_updated(Engine engine) throws Exception {
    given(engine);

    ImportResult again = run(db, school, ImportKind.PUPILS, "pupils.csv", PUPILS);
    ImportResult renamed = run(db, school, ImportKind.PUPILS, "pupils.csv", PUPILS.replace("Sam,Leaver", "Samira,Leaver"));

    assertThat(again.applied()).isTrue();
    assertThat(again.rowsApplied()).isZero();
    assertThat(renamed.rowsApplied()).isEqualTo(1);
    assertThat(count(db, "select count(*) from pupil where school_id = ?", school)).isEqualTo(3);
    assertThat(text(db, "select legal_first_name from pupil where upn = 'C123456789012' and school_id = ?", school)).isEqualTo("Samira");
    assertThat(count(db, "select version from pupil where upn = 'C123456789012' and school_id = ?", school)).isEqualTo(2);
  }

  @OnBothDatabases
  void marks_are_applied_and_importing_the_same_file_again_changes_nothing(Engine engine) throws Exception {
    given(engine);
    String file =
        MARKS + "A123456789012,2025-09-08,AM,/,,,\nA123456789012,2025-09-08,PM,L,12,13:22,\"Bus late, rang\"\n"
            + "B123456789012,2025-09-08,AM,N,,,\n";

    ImportResult first = run(db, school, ImportKind.MARKS, "week1.csv", file);
    ImportResult second = run(db, school, ImportKind.MARKS, "week1.csv", file);

    assertThat(first.applied()).isTrue();
    assertThat(first.rowsRead()).isEqualTo(3);
    assertThat(first.rowsApplied()).isEqualTo(3);
    assertThat(second.applied()).isTrue();
    assertThat(second.rowsApplied()).isZero();
    assertThat(marks()).isEqualTo(3);
    assertThat(amendments()).isZero();
    assertThat(text(db, "select m.reason" + OURS + " and m.session = 'PM'", school)).isEqualTo("Bus late, rang");
    assertThat(count(db, "select m.minutes_late" + OURS + " and m.session = 'PM'", school)).isEqualTo(12);
  }

  @OnBothDatabases
  void a_file_with_one_bad_line_at_the_end_applies_nothing(Engine engine) throws Exception {
    given(engine);
    StringBuilder file = new StringBuilder(MARKS);
    for (int day = 15; day <= 19; day++) {
      file.append("A123456789012,2025-09-").append(day).append(",AM,/,,,\n");
    }
    file.append("A123456789012,2025-09-22,AM,H,,,\n");

    ImportResult result = run(db, school, ImportKind.MARKS, "term.csv", file.toString());

    assertThat(result.applied()).isFalse();
    assertThat(result.rowsApplied()).isZero();
    assertThat(result.describedErrors())
        .containsExactly("line 7: code \"H\" is a historic code and cannot be used for sessions after 18 August 2024");
    assertThat(marks()).isZero();
  }

  @OnBothDatabases
  void a_changed_code_is_applied_with_an_amendment_keeping_the_original(Engine engine) throws Exception {
    given(engine);
    run(db, school, ImportKind.MARKS, "week1.csv", MARKS + "A123456789012,2025-09-08,AM,N,,,\nA123456789012,2025-09-08,PM,\\,,,\n");

    ImportResult corrected =
        run(db, school, ImportKind.MARKS, "week1-corrected.csv", MARKS + "A123456789012,2025-09-08,AM,I,,,\nA123456789012,2025-09-08,PM,\\,,,\n");

    assertThat(corrected.rowsApplied()).isEqualTo(1);
    assertThat(text(db, "select m.code" + OURS + " and m.session = 'AM'", school)).isEqualTo("I");
    assertThat(amendments()).isEqualTo(1);
    assertThat(
            text(
                db,
                "select original_code || '>' || new_code || '|' || reason || '|' || source || '|' || amended_by_name || '|'"
                    + " || amended_by_position || '|' || cast(amended_by as varchar(36)) from mark_amendment a"
                    + " join pupil p on p.id = a.pupil_id where p.school_id = ?",
                school))
        .isEqualTo("N>I|MIS import week1-corrected.csv|IMPORT|Jo Office|Office|" + ImportFixtures.OFFICE.staffId());
  }

  @OnBothDatabases
  void the_same_mark_twice_with_different_codes_is_refused_and_with_the_same_code_accepted(Engine engine) throws Exception {
    given(engine);

    ImportResult differing =
        run(db, school, ImportKind.MARKS, "dup.csv", MARKS + "A123456789012,2025-09-08,AM,/,,,\nB123456789012,2025-09-08,AM,/,,,\nA123456789012,2025-09-08,AM,N,,,\n");
    ImportResult same =
        run(db, school, ImportKind.MARKS, "dup.csv", MARKS + "A123456789012,2025-09-08,AM,/,,,\nA123456789012,2025-09-08,AM,/,,,\n");

    assertThat(differing.applied()).isFalse();
    assertThat(differing.describedErrors())
        .containsExactly(
            "line 4: UPN A123456789012 has another mark for 2025-09-08 AM on line 2 with a different code (/ and N); keep one of them");
    assertThat(same.applied()).isTrue();
    assertThat(same.rowsApplied()).isEqualTo(1);
    assertThat(marks()).isEqualTo(1);
  }

  @OnBothDatabases
  void unknown_pupils_and_dates_outside_the_roll_are_refused_with_their_lines(Engine engine) throws Exception {
    given(engine);

    ImportResult result =
        run(
            db,
            school,
            ImportKind.MARKS,
            "bad.csv",
            MARKS
                + "Z999999999999,2025-09-08,AM,/,,,\n"
                + "B123456789012,2025-09-02,AM,/,,,\n"
                + "C123456789012,2025-09-08,AM,/,,,\n"
                + "A123456789012,2025-09-08,AM,/,,,\n");

    assertThat(result.applied()).isFalse();
    assertThat(result.errorCount()).isEqualTo(3);
    assertThat(result.describedErrors())
        .containsExactly(
            "line 2: no pupil with UPN Z999999999999 at this school (import the pupils first)",
            "line 3: the date 2025-09-02 is outside the roll of the pupil with UPN B123456789012 (on roll from 2025-09-03)",
            "line 4: the date 2025-09-08 is outside the roll of the pupil with UPN C123456789012 (on roll from 2019-09-04 to 2025-09-05)");
    assertThat(marks()).isZero();
  }

  @OnBothDatabases
  void a_file_over_the_size_limit_is_refused_and_nothing_applied(Engine engine) throws Exception {
    given(engine);
    StringBuilder file = new StringBuilder(MARKS);
    for (int day = 15; day <= 19; day++) {
      file.append("A123456789012,2025-09-").append(day).append(",AM,/,,,\n");
    }

    ImportResult result =
        run(db, school, ImportKind.MARKS, ImportPipeline.Format.CSV, "big.csv", file.toString(), new ImportLimits(150, 100));

    assertThat(result.applied()).isFalse();
    assertThat(result.describedErrors()).singleElement().asString().startsWith("The file is larger than the 150 bytes limit");
    assertThat(marks()).isZero();
  }

  @OnBothDatabases
  void a_json_array_of_marks_is_imported_like_a_csv_file(Engine engine) throws Exception {
    given(engine);
    String json =
        "[{\"upn\":\"A123456789012\",\"date\":\"2025-09-08\",\"session\":\"AM\",\"code\":\"L\",\"minutesLate\":5,\"arrivalTime\":\"08:45\"},"
            + "{\"upn\":\"B123456789012\",\"date\":\"2025-09-08\",\"session\":\"AM\",\"code\":\"/\"}]";

    ImportResult result = run(db, school, ImportKind.MARKS, ImportPipeline.Format.JSON, "api", json, ImportLimits.STANDARD);

    assertThat(result.applied()).isTrue();
    assertThat(result.rowsApplied()).isEqualTo(2);
    assertThat(text(db, "select cast(m.arrival_time as varchar(8))" + OURS + " and m.code = 'L'", school)).startsWith("08:45");
  }

  @OnBothDatabases
  void guardians_are_linked_once_and_a_sibling_shares_the_same_guardian(Engine engine) throws Exception {
    given(engine);
    String file =
        "upn,title,first_name,last_name,mobile,email,relationship,parental_responsibility,lives_with_pupil,contact_priority\n"
            + "A123456789012,Mrs,Amira,Haddad,07400 100001,amira@example.com,Mother,yes,yes,1\n"
            + "B123456789012,Mrs,Amira,Haddad,07400 100001,,Mother,yes,yes,1\n"
            + "A123456789012,,Sami,Haddad,,,Father,yes,no,2\n";

    ImportResult first = run(db, school, ImportKind.GUARDIANS, "contacts.csv", file);
    ImportResult again = run(db, school, ImportKind.GUARDIANS, "contacts.csv", file);
    ImportResult moved = run(db, school, ImportKind.GUARDIANS, "contacts.csv", file.replace("Father,yes,no,2", "Father,yes,yes,2"));

    assertThat(first.rowsApplied()).isEqualTo(3);
    assertThat(again.rowsApplied()).isZero();
    assertThat(moved.rowsApplied()).isEqualTo(1);
    assertThat(count(db, "select count(distinct l.guardian_id) from pupil_guardian l join pupil p on p.id = l.pupil_id where p.school_id = ?", school)).isEqualTo(2);
    assertThat(count(db, "select count(*) from pupil_guardian l join pupil p on p.id = l.pupil_id where p.school_id = ?", school)).isEqualTo(3);
    assertThat(text(db, "select g.mobile from guardian g join pupil_guardian l on l.guardian_id = g.id join pupil p on p.id = l.pupil_id where g.first_name = 'Amira' and p.school_id = ?", school)).isEqualTo("+447400100001");
  }

  @OnBothDatabases
  void a_guardian_of_an_unknown_pupil_refuses_the_file(Engine engine) throws Exception {
    given(engine);

    ImportResult result =
        run(
            db,
            school,
            ImportKind.GUARDIANS,
            "contacts.csv",
            "upn,first_name,last_name,relationship,parental_responsibility,lives_with_pupil,contact_priority\n"
                + "A123456789012,Amira,Haddad,Mother,yes,yes,1\nZ999999999999,Mark,Jones,Father,yes,no,1\n");

    assertThat(result.describedErrors()).containsExactly("line 3: no pupil with UPN Z999999999999 at this school (import the pupils first)");
    assertThat(count(db, "select count(*) from pupil_guardian l join pupil p on p.id = l.pupil_id where p.school_id = ?", school)).isZero();
  }

  @OnBothDatabases
  void a_calendar_is_imported_once_and_corrected_by_a_later_file(Engine engine) throws Exception {
    given(engine);
    String file =
        "kind,name,first_day,last_day,sessions\n"
            + "TERM,Autumn 2025,2025-09-03,2025-12-19,\n"
            + "INSET,Training day,2025-09-01,2025-09-02,\n"
            + "HALF_TERM,,2025-10-27,2025-10-31,BOTH\n"
            + "UNPLANNED,Heating failure,2025-11-12,2025-11-12,PM\n";

    ImportResult first = run(db, school, ImportKind.CALENDAR, "calendar.csv", file);
    ImportResult again = run(db, school, ImportKind.CALENDAR, "calendar.csv", file);
    ImportResult corrected = run(db, school, ImportKind.CALENDAR, "calendar.csv", file.replace("2025-12-19", "2025-12-18"));

    assertThat(first.rowsApplied()).isEqualTo(4);
    assertThat(again.rowsApplied()).isZero();
    assertThat(corrected.rowsApplied()).isEqualTo(1);
    assertThat(count(db, "select count(*) from academic_term where school_id = ?", school)).isEqualTo(1);
    assertThat(count(db, "select count(*) from calendar_closure where school_id = ?", school)).isEqualTo(3);
    assertThat(text(db, "select description from calendar_closure where kind = 'HALF_TERM' and school_id = ?", school)).isEqualTo("Half term");
  }

  @OnBothDatabases
  void runs_are_recorded_and_staff_amendments_are_exported_for_the_mis(Engine engine) throws Exception {
    given(engine);
    run(db, school, ImportKind.MARKS, "week1.csv", MARKS + "A123456789012,2025-09-08,AM,N,,,\n");
    OffsetDateTime since = OffsetDateTime.parse("2025-11-01T00:00:00Z");
    try (Connection c = db.getConnection()) {
      UUID runId = ImportRuns.start(c, school, ImportKind.MARKS, "week1.csv", ImportFixtures.OFFICE, since);
      ImportRuns.finish(c, runId, run(db, school, ImportKind.MARKS, "week1.csv", MARKS + "A123456789012,2025-09-08,AM,QQ,,,\n"), since);
      c.createStatement()
          .executeUpdate(
              "update attendance_mark set code = 'M', reason = 'Dentist, 9am' where pupil_id in (select id from pupil"
                  + " where school_id = '" + school + "')");
      c.createStatement()
          .executeUpdate(
              "insert into mark_amendment (id, pupil_id, session_date, session, original_code, new_code, reason,"
                  + " amended_by_name, amended_by_position, amended_at, source) select '"
                  + UUID.randomUUID()
                  + "', pupil_id, session_date, session, 'N', 'M', 'Appointment card seen', 'Ann Officer',"
                  + " 'Attendance officer', timestamp with time zone '2025-11-17 10:00:00+00', 'STAFF' from attendance_mark"
                  + " where pupil_id in (select id from pupil where school_id = '" + school + "')");

      StringWriter csv = new StringWriter();
      long written = AmendedMarks.write(c, school, since, csv);

      assertThat(written).isEqualTo(1);
      assertThat(csv.toString())
          .isEqualTo(
              AmendedMarks.HEADER + "\r\n"
                  + "A123456789012,2025-09-08,AM,M,,,\"Dentist, 9am\",2025-11-17T10:00Z,Ann Officer,Appointment card seen\r\n");
      assertThat(ImportRuns.history(c, school, 10))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(ImportRuns.Status.FAILED);
                assertThat(r.errorCount()).isEqualTo(1);
                assertThat(r.errors()).singleElement().asString().startsWith("line 2: code \"QQ\"");
                assertThat(r.runBy()).isEqualTo("Jo Office");
              });
    }
  }
}
