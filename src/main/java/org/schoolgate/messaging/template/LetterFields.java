package org.schoolgate.messaging.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The merge fields of graduated-response letters (attendance rules §8.1): canonical keys, the
 * seed letters' spellings of them accepted as aliases (case and spaces ignored, so
 * {@code << Preferred fist name>>} still finds the preferred first name), and a strict merge of
 * {@code <<...>>} placeholders. A letter is refused while any placeholder is unresolved or has no
 * value, or while {@code XX} / {@code XXX} placeholder text remains.
 */
public final class LetterFields {

  /** A canonical letter field. */
  public enum Key {
    CONTACT_NAME("contact_name", "Contact flagged for correspondence", "Contact name"),
    CONTACT_ADDRESS_LABEL("contact_address_label", "Label format address for those flagged for correspondence", "Address"),
    SALUTATION("salutation", "Salutation of those flagged for correspondence", "Salutation"),
    PUPIL_LEGAL_FULL_NAME("pupil_legal_full_name", "Legal Full Name"),
    PUPIL_PREFERRED_FIRST_NAME("pupil_preferred_first_name", "Preferred First Name", "Preferred fist name"),
    TUTOR_GROUP("tutor_group", "Tutor Group"),
    /** Attendance so far this year, truncated to one decimal place, without a % sign. */
    ATTENDANCE_PCT("attendance_pct", "Present%", "Present attendance"),
    /** Sessions missed so far this year: possible minus attended. */
    ABSENCE_SESSIONS("absence_sessions", "Absence Count"),
    MEETING_DATE("meeting_date", "Meeting Date"),
    MEETING_TIME("meeting_time", "Meeting Time"),
    LETTER_DATE("letter_date", "Letter Date", "Date"),
    HEADTEACHER("headteacher", "Headteacher name"),
    FAMILY_SUPPORT_WORKER("family_support_worker", "Family support worker"),
    OFFICE_CONTACT("office_contact", "Office contact"),
    ATTENDANCE_CHAMPION("attendance_champion", "Attendance champion"),
    SENDCO("sendco", "SENDCO"),
    CLASS_TEACHER("class_teacher", "Class teacher");

    private final String key;
    private final List<String> aliases;

    Key(String key, String... aliases) {
      this.key = key;
      this.aliases = List.of(aliases);
    }

    public String key() {
      return key;
    }

    /** The seed letters' spellings of this field. */
    public List<String> aliases() {
      return aliases;
    }
  }

  /** A placeholder: {@code <<name>>}, also with the seed's single-bracket opener {@code <name>>}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("<{1,2}([^<>]*)>>");

  /** Placeholder text left from drafting: XX, XXX and longer runs of capital X standing alone. */
  private static final Pattern DRAFT_TEXT = Pattern.compile("(?<![A-Za-z0-9])X{2,}(?![A-Za-z0-9])");

  private static final Map<String, Key> BY_NAME = byName();

  private LetterFields() {}

  /** The field a placeholder names, by canonical key or seed alias, ignoring case and spaces. */
  public static Optional<Key> resolve(String placeholderName) {
    return Optional.ofNullable(BY_NAME.get(normalise(placeholderName)));
  }

  /** Every accepted spelling, normalised, with the field it names. */
  public static Map<String, Key> aliases() {
    return BY_NAME;
  }

  /**
   * The attendance fields of a letter from the pupil's figures for the year so far:
   * {@code attendance_pct} as parents see it (89.96% is "89.9") and {@code absence_sessions}.
   */
  public static Map<Key, String> attendanceValues(AttendanceFigures yearToDate) {
    if (!yearToDate.hasSessions()) {
      throw new InvalidInputException("figures", "No sessions recorded yet, so there is no attendance to put in a letter");
    }
    Map<Key, String> values = new EnumMap<>(Key.class);
    values.put(Key.ATTENDANCE_PCT, yearToDate.attendanceRate().orElseThrow().forParents());
    values.put(Key.ABSENCE_SESSIONS, Integer.toString(yearToDate.possible() - yearToDate.attended()));
    return values;
  }

  /** What stops this template from being merged with these values; empty when it can be sent. */
  public static List<String> problems(String template, Map<Key, String> values) {
    List<String> problems = new ArrayList<>();
    merge(template, values, problems);
    return problems;
  }

  /**
   * The letter text with every placeholder replaced.
   *
   * @throws InvalidInputException naming every unresolved placeholder, missing value and piece of
   *     placeholder text, so nothing incomplete is ever sent
   */
  public static String merge(String template, Map<Key, String> values) {
    List<String> problems = new ArrayList<>();
    String text = merge(template, values, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("template", "This letter cannot be sent: " + String.join("; ", problems));
    }
    return text;
  }

  private static String merge(String template, Map<Key, String> values, List<String> problems) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    StringBuilder outside = new StringBuilder();
    int last = 0;
    while (m.find()) {
      outside.append(template, last, m.start()).append(' ');
      last = m.end();
      Optional<Key> key = resolve(m.group(1));
      String value = key.map(values::get).orElse(null);
      if (key.isEmpty()) {
        problems.add(m.group() + " is not a letter field");
      } else if (value == null || value.isBlank()) {
        problems.add(m.group() + " has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    outside.append(template.substring(last));
    if (outside.indexOf("<<") >= 0 || outside.indexOf(">>") >= 0) {
      problems.add("a placeholder is not closed or opened properly (<< or >> left over)");
    }
    Matcher draft = DRAFT_TEXT.matcher(outside);
    if (draft.find()) {
      problems.add("placeholder text \"" + draft.group() + "\" is still in the letter");
    }
    return out.toString();
  }

  private static Map<String, Key> byName() {
    Map<String, Key> map = new LinkedHashMap<>();
    for (Key k : Key.values()) {
      map.put(normalise(k.key()), k);
      k.aliases().forEach(a -> map.put(normalise(a), k));
    }
    return Collections.unmodifiableMap(map);
  }

  private static String normalise(String name) {
    return name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
