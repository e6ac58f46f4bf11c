package org.schoolgate.attendance.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The register codes in force, looked up by their letters. Built from the code table (the
 * database's {@code attendance_code}, seeded from {@code attendance/register-codes.csv}).
 */
public final class CodeBook {

  public static final String RESOURCE = "attendance/register-codes.csv";
  private static volatile CodeBook standard;

  private final Map<String, AttendanceCode> codes;

  public CodeBook(Collection<AttendanceCode> codes) {
    Map<String, AttendanceCode> map = new LinkedHashMap<>();
    codes.forEach(c -> map.put(c.code(), c));
    this.codes = Map.copyOf(map);
  }

  /** The code set shipped with Schoolgate (2024 regulations plus historic codes). */
  public static CodeBook standard() {
    if (standard == null) {
      try (InputStream in = CodeBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        standard = new CodeBook(parseCsv(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }

  /** Reads the code table's CSV form: code,category,counts_as,late,valid_from,valid_to,reason_required,reference,meaning. */
  public static List<AttendanceCode> parseCsv(InputStream in) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                String[] f = line.split(",", 9);
                return new AttendanceCode(
                    f[0], CodeCategory.valueOf(f[1]), CountsAs.valueOf(f[2]), Boolean.parseBoolean(f[3]),
                    f[4].isBlank() ? null : LocalDate.parse(f[4]), f[5].isBlank() ? null : LocalDate.parse(f[5]),
                    Boolean.parseBoolean(f[6]), f[7], f[8]);
              })
          .toList();
    }
  }

  public Optional<AttendanceCode> find(String code) {
    return Optional.ofNullable(code == null ? null : codes.get(code.trim()));
  }

  /** The code, known in any edition; fails for letters that are not a register code. */
  public AttendanceCode get(String code) {
    return find(code).orElseThrow(() -> new InvalidInputException("code", "\"" + code + "\" is not a register code"));
  }

  /**
   * The code as it may be recorded for a session on {@code date}: refuses unknown codes, legacy
   * codes after 18 August 2024 and 2024 codes before the regulations began.
   */
  public AttendanceCode forSession(String code, LocalDate date) {
    AttendanceCode c = get(code);
    if (!c.validOn(date)) {
      throw new InvalidInputException(
          "code",
          c.isLegacy()
              ? "\"" + c.code() + "\" is a historic code and cannot be used for sessions after 18 August 2024"
              : "\"" + c.code() + "\" cannot be used for a session on " + date);
    }
    return c;
  }

  public Collection<AttendanceCode> all() {
    return codes.values();
  }

  /** The codes staff may pick for a session on this date, in table order. */
  public List<AttendanceCode> usableOn(LocalDate date) {
    return codes.values().stream().filter(c -> c.validOn(date) && c.category() != CodeCategory.ADMIN).toList();
  }
}
