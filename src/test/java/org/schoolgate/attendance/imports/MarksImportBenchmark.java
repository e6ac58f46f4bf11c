package org.schoolgate.attendance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * A year of a trust's marks through the MIS import on embedded PostgreSQL: 20,000 pupils and 380
 * sessions each (7.6 million rows, about 280 MB of CSV on disk), imported once, then again (which
 * must change nothing). Not part of the test run (the class name does not end in Test); run it with a small
 * heap to show the import's memory does not grow with the file (docs/performance.md, "MIS import"):
 *
 * <pre>
 * mvn -o test -Dtest=MarksImportBenchmark -DargLine=-Xmx256m
 * </pre>
 */
class MarksImportBenchmark {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  static final int PUPILS = Integer.getInteger("schoolgate.benchmark.pupils", 20_000);
  static final int DAYS = 190;
  static final String[] CODES = {"/", "/", "/", "/", "/", "/", "/", "/", "/", "L", "I", "M", "N", "O", "G", "B"};

  @Test
  void a_year_of_a_trusts_marks_imports_in_constant_memory() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "benchmark"));
    Path pupils = dir.resolve("pupils.csv");
    Path marks = dir.resolve("marks.csv");
    List<LocalDate> days = schoolDays(LocalDate.of(2025, 9, 3), DAYS);

    long t0 = System.nanoTime();
    writePupils(pupils);
    long rows = writeMarks(marks, days);
    double generated = seconds(t0);
    report("Generated %,d marks (%,d MB of CSV) in %.1f s", rows, Files.size(marks) / 1_000_000, generated);

    DataSource db = databases.migrated(Engine.POSTGRESQL).dataSource();
    UUID school = ImportFixtures.school(db);
    ImportResult pupilRun = timed("pupils", db, school, ImportKind.PUPILS, pupils);
    assertThat(pupilRun.rowsApplied()).isEqualTo(PUPILS);

    ImportResult first = timed("marks, first import", db, school, ImportKind.MARKS, marks);
    assertThat(first.applied()).isTrue();
    assertThat(first.rowsApplied()).isEqualTo(rows);

    ImportResult again = timed("marks, same file again", db, school, ImportKind.MARKS, marks);
    assertThat(again.applied()).isTrue();
    assertThat(again.rowsApplied()).isZero();
  }

  private static ImportResult timed(String what, DataSource db, UUID school, ImportKind kind, Path file) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    ImportResult result;
    try (Connection c = db.getConnection();
        InputStream in = Files.newInputStream(file)) {
      result =
          new ImportPipeline(CodeBook.standard(), ImportLimits.STANDARD, ImportFixtures.CLOCK)
              .run(c, school, kind, ImportPipeline.Format.CSV, file.getFileName().toString(), in, ImportFixtures.OFFICE);
    }
    double took = seconds(start);
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    report(
        "%s: %,d rows read, %,d applied, %s in %.1f s (%,.0f rows/s); peak heap %,d MB of max %,d MB",
        what, result.rowsRead(), result.rowsApplied(), result.applied() ? "applied" : "refused " + result.describedErrors(),
        took, result.rowsRead() / took, peak / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000);
    return result;
  }

  static String upn(int i) {
    return String.format(Locale.ROOT, "B%012d", i);
  }

  private static void writePupils(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("upn,legal_first_name,legal_last_name,date_of_birth,year_group,gender,on_roll_from\n");
      for (int i = 0; i < PUPILS; i++) {
        int year = 7 + i % 7;
        w.write(upn(i) + ",Pupil" + i + ",Benchmark," + LocalDate.of(2025 - 5 - year, 1 + i % 12, 1 + i % 28) + "," + year
            + "," + (i % 2 == 0 ? "F" : "M") + ",2019-09-04\n");
      }
    }
  }

  private static long writeMarks(Path file, List<LocalDate> days) throws IOException {
    long rows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("upn,date,session,code,minutes_late,arrival_time,reason\n");
      for (int i = 0; i < PUPILS; i++) {
        String upn = upn(i);
        for (int d = 0; d < days.size(); d++) {
          String date = days.get(d).toString();
          for (int s = 0; s < 2; s++) {
            String code = CODES[(i * 7 + d * 3 + s) % CODES.length];
            if (code.equals("/") && s == 1) {
              code = "\\";
            }
            w.write(upn);
            w.write(',');
            w.write(date);
            w.write(s == 0 ? ",AM," : ",PM,");
            w.write(code);
            w.write(code.equals("L") ? ",7,08:47,\n" : code.equals("B") ? ",,,\"Work placement, Year 10\"\n" : ",,,\n");
            rows++;
          }
        }
      }
    }
    return rows;
  }

  private static List<LocalDate> schoolDays(LocalDate from, int count) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; days.size() < count; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    return days;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String format, Object... args) {
    System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
  }
}
