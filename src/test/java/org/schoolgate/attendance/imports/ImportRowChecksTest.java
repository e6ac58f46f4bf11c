package org.schoolgate.attendance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.directory.domain.Session;

/**
 * The checks an import makes on each row and on the file's structure, without a database: every
 * refusal names the line (or JSON item) it concerns.
 */
class ImportRowChecksTest {

  private static final String MARKS = "upn,date,session,code,minutes_late,arrival_time,reason\n";

  /** What reading a file found: the good marks and every problem as the user sees it. */
  record Read(List<MarkRow> marks, List<String> errors, long total) {}

  static Read marks(String csv) throws IOException {
    return marks(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
  }

  static Read marks(InputStream in, boolean json) throws IOException {
    ImportProblems problems = new ImportProblems();
    List<MarkRow> marks = new ArrayList<>();
    try (RowSource rows = json ? new JsonRowSource(in) : new CsvRowSource(in, ImportKind.MARKS)) {
      for (ImportRow row = rows.next(problems); row != null; row = rows.next(problems)) {
        MarkRow m = MarkRow.parse(row, CodeBook.standard(), problems);
        if (m != null) {
          marks.add(m);
        }
      }
      String unit = rows.unit();
      return new Read(marks, problems.first().stream().map(e -> e.describe(unit)).toList(), problems.total());
    }
  }

  @Test
  void a_good_file_gives_every_mark_with_its_optional_values() throws IOException {
    Read read =
        marks(
            MARKS
                + "A123456789012,2025-09-03,AM,/,,,\n"
                + "a123456789012,03/09/2025,pm,L,12,13:22,\"Bus late, rang ahead\"\n");

    assertThat(read.errors()).isEmpty();
    assertThat(read.marks())
        .containsExactly(
            new MarkRow(2, "A123456789012", LocalDate.of(2025, 9, 3), Session.AM, "/", null, null, null),
            new MarkRow(3, "A123456789012", LocalDate.of(2025, 9, 3), Session.PM, "L", 12, LocalTime.of(13, 22), "Bus late, rang ahead"));
  }

  @Test
  void a_byte_order_mark_crlf_line_ends_columns_in_any_order_and_extra_columns_are_accepted() throws IOException {
    Read read = marks("\uFEFFSession,UPN,Code,Date,Form\r\nAM,A123456789012,N,2025-09-03,7B\r\n");

    assertThat(read.errors()).isEmpty();
    assertThat(read.marks()).extracting(MarkRow::code, MarkRow::line).containsExactly(org.assertj.core.groups.Tuple.tuple("N", 2L));
  }

  @Test
  void a_quoted_field_may_hold_a_line_break_and_the_next_line_number_stays_right() throws IOException {
    Read read =
        marks(MARKS + "A123456789012,2025-09-03,AM,M,,,\"Dentist\nthen home\"\n" + "A123456789012,2025-09-04,AM,QQ,,,\n");

    assertThat(read.marks()).extracting(MarkRow::reason).containsExactly("Dentist\nthen home");
    assertThat(read.errors()).containsExactly("line 4: code \"QQ\" is not a register code");
  }

  @Test
  void an_unknown_code_is_refused_with_its_line() throws IOException {
    Read read = marks(MARKS + "A123456789012,2025-09-03,AM,/,,,\nA123456789012,2025-09-03,PM,ZZ,,,\n");

    assertThat(read.errors()).containsExactly("line 3: code \"ZZ\" is not a register code");
  }

  @Test
  void a_historic_code_is_refused_after_18_august_2024_and_accepted_before() throws IOException {
    Read read = marks(MARKS + "A123456789012,2024-08-18,AM,F,,,\nA123456789012,2024-09-04,AM,F,,,\n");

    assertThat(read.marks()).extracting(MarkRow::date).containsExactly(LocalDate.of(2024, 8, 18));
    assertThat(read.errors())
        .containsExactly("line 3: code \"F\" is a historic code and cannot be used for sessions after 18 August 2024");
  }

  @Test
  void a_2024_code_is_refused_before_the_regulations_began() throws IOException {
    Read read = marks(MARKS + "A123456789012,2023-10-02,AM,J1,,,\n");

    assertThat(read.errors()).containsExactly("line 2: code \"J1\" cannot be used for a session on 2023-10-02");
  }

  @Test
  void times_dates_sessions_upns_and_minutes_in_the_wrong_format_are_each_named() throws IOException {
    Read read =
        marks(
            MARKS
                + "A123456789012,2025-09-03,AM,L,,9.05,\n"
                + "A123456789012,2025-09-03,AM,L,,24:00,\n"
                + "A123456789012,2025-13-03,AM,/,,,\n"
                + "A123456789012,3rd Sept,AM,/,,,\n"
                + "A123456789012,2025-09-03,EVE,/,,,\n"
                + "12345,2025-09-03,AM,/,,,\n"
                + "A123456789012,2025-09-03,AM,L,ten,,\n");

    assertThat(read.errors())
        .containsExactly(
            "line 2: arrival_time \"9.05\" is not a time like 09:05 (HH:MM, 24-hour)",
            "line 3: arrival_time \"24:00\" is not a time like 09:05 (HH:MM, 24-hour)",
            "line 4: date \"2025-13-03\" is not a real date",
            "line 5: date \"3rd Sept\" is not a date like 2025-09-03 or 03/09/2025",
            "line 6: session \"EVE\" is not one of AM, PM",
            "line 7: upn \"12345\" is not a 13-character UPN (a letter and 12 digits, or 11 digits and a letter)",
            "line 8: minutes_late \"ten\" is not a whole number from 0 to 300");
    assertThat(read.marks()).isEmpty();
  }

  @Test
  void a_missing_value_is_named() throws IOException {
    Read read = marks(MARKS + "A123456789012,2025-09-03,AM,,,,\n");

    assertThat(read.errors()).containsExactly("line 2: code is missing");
  }

  @Test
  void a_missing_column_refuses_the_file_at_its_header() throws IOException {
    Read read = marks("upn,date,code\nA123456789012,2025-09-03,/\n");

    assertThat(read.errors())
        .containsExactly("line 1: the column \"session\" is missing from the header; a marks file needs upn, date, session, code");
    assertThat(read.marks()).isEmpty();
  }

  @Test
  void an_empty_file_is_refused() throws IOException {
    assertThat(marks("").errors()).singleElement().asString().startsWith("The file is empty");
  }

  @Test
  void a_last_line_cut_off_is_reported_as_a_truncated_file() throws IOException {
    Read read = marks(MARKS + "A123456789012,2025-09-03,AM,/,,,\nA123456789012,2025-09-04,A");

    assertThat(read.errors())
        .containsExactly(
            "line 3: expected 7 fields as in the header but found 3; the file ends in the middle of this line, so it was probably cut off");
    assertThat(read.marks()).hasSize(1);
  }

  @Test
  void a_line_with_the_wrong_number_of_fields_is_refused() throws IOException {
    Read read = marks(MARKS + "A123456789012,2025-09-03,AM,M,,,Dentist, then home\n");

    assertThat(read.errors())
        .containsExactly("line 2: expected 7 fields as in the header but found 8 (a value with a comma needs double quotes)");
  }

  @Test
  void an_unterminated_quote_stops_the_file_at_the_line_it_opens_on() throws IOException {
    Read read = marks(MARKS + "A123456789012,2025-09-03,AM,M,,,\"Dentist\nA123456789012,2025-09-04,AM,/,,,\n");

    assertThat(read.errors())
        .containsExactly("line 2: a quoted field is not closed before the end of the file (the file may be cut off)");
  }

  @Test
  void bytes_that_are_not_utf8_are_refused() throws IOException {
    byte[] latin1 = (MARKS + "A123456789012,2025-09-03,AM,M,,,Zo\u00eb\n").getBytes(StandardCharsets.ISO_8859_1);

    Read read = marks(new ByteArrayInputStream(latin1), false);

    assertThat(read.errors()).singleElement().asString().contains("not UTF-8");
  }

  @Test
  void only_the_first_hundred_errors_are_kept_but_all_are_counted() throws IOException {
    StringBuilder csv = new StringBuilder(MARKS);
    for (int i = 0; i < 250; i++) {
      csv.append("A123456789012,2025-09-03,AM,XX,,,\n");
    }

    Read read = marks(csv.toString());

    assertThat(read.total()).isEqualTo(250);
    assertThat(read.errors()).hasSize(100).first().isEqualTo("line 2: code \"XX\" is not a register code");
  }

  @Test
  void a_json_array_gives_marks_and_names_problems_by_item() throws IOException {
    String json =
        "[{\"upn\":\"A123456789012\",\"date\":\"2025-09-03\",\"session\":\"AM\",\"code\":\"/\"},"
            + " {\"upn\":\"A123456789012\",\"date\":\"2025-09-03\",\"session\":\"PM\",\"code\":\"L\",\"minutesLate\":7,"
            + "\"arrivalTime\":\"9:5\"}]";

    Read read = marks(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), true);

    assertThat(read.marks()).extracting(MarkRow::line).containsExactly(1L);
    assertThat(read.errors()).containsExactly("item 2: arrival_time \"9:5\" is not a time like 09:05 (HH:MM, 24-hour)");
  }

  @Test
  void a_json_body_cut_off_is_refused() throws IOException {
    String json = "[{\"upn\":\"A123456789012\",\"date\":\"2025-09-03\",\"session\":\"AM\",\"code\":\"/\"}, {\"upn\":\"A1234";

    Read read = marks(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), true);

    assertThat(read.errors()).singleElement().asString().startsWith("item 2: the JSON is malformed or cut off");
  }

  @Test
  void a_json_body_that_is_not_an_array_is_refused() throws IOException {
    Read read = marks(new ByteArrayInputStream("{\"upn\":\"A\"}".getBytes(StandardCharsets.UTF_8)), true);

    assertThat(read.errors()).containsExactly("The body must be a JSON array of objects, one for each row");
  }

  @Test
  void a_file_over_the_size_limit_is_refused_with_a_clear_message() {
    InputStream big = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[3_000]), 2_000);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> big.readAllBytes())
        .isInstanceOf(SizeLimitedInputStream.TooLarge.class)
        .hasMessage("The file is larger than the 2000 bytes limit. Split it (for example one file per term) and import each part.");
    assertThat(ImportLimits.describeBytes(ImportLimits.MAX_BYTES)).isEqualTo("2 GB");
  }

  // ---- the other kinds -------------------------------------------------------------------------

  static List<String> errors(ImportKind kind, String csv) throws IOException {
    ImportProblems problems = new ImportProblems();
    try (RowSource rows = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), kind)) {
      for (ImportRow row = rows.next(problems); row != null; row = rows.next(problems)) {
        switch (kind) {
          case PUPILS -> PupilRow.parse(row, problems);
          case GUARDIANS -> GuardianRow.parse(row, problems);
          case CALENDAR -> CalendarRow.parse(row, problems);
          case MARKS -> MarkRow.parse(row, CodeBook.standard(), problems);
        }
      }
    }
    return problems.first().stream().map(e -> e.describe("line")).toList();
  }

  @Test
  void a_pupil_row_names_each_bad_value() throws IOException {
    List<String> errors =
        errors(
            ImportKind.PUPILS,
            "upn,legal_first_name,legal_last_name,date_of_birth,year_group,gender,on_roll_from,on_roll_to,eal\n"
                + "A123456789012,Zoë,Brontë,2016-09-14,4,F,2020-09-02,,yes\n"
                + "A123456789013,,Khan,2016-02-30,15,X,2020-09-02,2019-07-20,perhaps\n");

    assertThat(errors)
        .containsExactly(
            "line 3: legal_first_name is missing",
            "line 3: date_of_birth \"2016-02-30\" is not a real date",
            "line 3: year_group \"15\" is not a whole number from -1 to 14",
            "line 3: gender \"X\" is not one of FEMALE, MALE, OTHER",
            "line 3: on_roll_to 2019-07-20 is before on_roll_from 2020-09-02",
            "line 3: eal \"perhaps\" is not yes or no");
  }

  @Test
  void a_guardian_row_checks_phone_numbers_email_and_contact_priority() throws IOException {
    List<String> errors =
        errors(
            ImportKind.GUARDIANS,
            "upn,first_name,last_name,mobile,email,relationship,parental_responsibility,lives_with_pupil,contact_priority\n"
                + "A123456789012,Amira,Haddad,07400 100001,amira@example.com,Mother,yes,yes,1\n"
                + "A123456789012,Sami,Haddad,07400 10000X,sami@,Father,yes,no,5\n");

    assertThat(errors)
        .containsExactly(
            "line 3: mobile: \"07400 10000X\" is not a phone number (use digits only)",
            "line 3: email: \"sami@\" is not a valid email address",
            "line 3: contact_priority \"5\" is not a whole number from 1 to 4");
  }

  @Test
  void a_calendar_row_needs_a_known_kind_and_days_in_order() throws IOException {
    List<String> errors =
        errors(
            ImportKind.CALENDAR,
            "kind,name,first_day,last_day,sessions\n"
                + "TERM,Autumn 2025,2025-09-03,2025-12-19,\n"
                + "INSET,,2025-09-01,2025-09-02,\n"
                + "PICNIC,,2025-10-01,2025-10-01,\n"
                + "HALF_TERM,,2025-10-31,2025-10-27,\n"
                + "TERM,,2026-01-05,2026-03-27,\n");

    assertThat(errors)
        .containsExactly(
            "line 4: kind \"PICNIC\" is not one of TERM, HALF_TERM, INSET, BANK_HOLIDAY, HOLIDAY, UNPLANNED",
            "line 5: last_day 2025-10-27 is before first_day 2025-10-31",
            "line 6: name is missing (a term needs a name, such as Autumn 2025)");
  }
}
