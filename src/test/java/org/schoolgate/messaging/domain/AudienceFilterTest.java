package org.schoolgate.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.messaging.domain.AudienceFilter.Period;
import org.schoolgate.messaging.domain.AudienceFilter.PupilLine;
import org.schoolgate.messaging.domain.AudienceFilter.Rule;
import org.schoolgate.messaging.domain.AudienceFilter.Scope;
import org.schoolgate.messaging.domain.AudienceFilter.Selection;
import org.schoolgate.messaging.domain.AudienceFilter.Sessions;
import org.schoolgate.messaging.domain.AudienceFilter.Spec;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;

class AudienceFilterTest {

  private static final UUID OAK = UUID.randomUUID();
  private static final UUID ASH = UUID.randomUUID();

  private static PupilLine pupil(String name, int year, int possible, int attended) {
    return line(name, year, OAK, null, new Sessions(possible, attended), Sessions.NONE, Sessions.NONE);
  }

  private static PupilLine line(String name, int year, UUID group, String reason, Sessions yearFigures, Sessions atReview,
      Sessions period) {
    return new PupilLine(UUID.randomUUID(), name, year, group, group == OAK ? "Oak" : "Ash", reason, yearFigures, atReview, period);
  }

  /** A pupil with {@code earlier} attended of 100 at the review and {@code recent} of 20 since. */
  private static PupilLine improving(String name, int earlier, int recent) {
    return line(name, 7, OAK, null, new Sessions(120, earlier + recent), new Sessions(100, earlier), Sessions.NONE);
  }

  private static Spec spec(Scope scope, Rule rule, int threshold) {
    return new Spec(scope, rule, threshold, Audience.PARENTAL_RESPONSIBILITY, Set.of());
  }

  private static List<String> names(List<PupilLine> lines) {
    return lines.stream().map(PupilLine::name).toList();
  }

  @Test
  void below_ninety_percent_takes_89_99_and_leaves_exactly_90_out() {
    List<PupilLine> lines = List.of(
        pupil("Just under", 7, 10000, 8999),
        pupil("Exactly ninety", 7, 10000, 9000),
        pupil("Ninety of two hundred", 7, 200, 180),
        pupil("Rules case five", 7, 279, 251),
        pupil("Rules case four", 7, 281, 253),
        pupil("No sessions yet", 7, 0, 0));

    Selection s = AudienceFilter.select(lines, spec(Scope.school(), Rule.BELOW, 90));

    assertThat(names(s.included())).containsExactly("Just under", "Rules case five");
  }

  @Test
  void below_ninety_five_percent_in_year_seven_leaves_other_years_out() {
    List<PupilLine> lines = List.of(pupil("Year 7 at 94", 7, 100, 94), pupil("Year 8 at 80", 8, 100, 80), pupil("Year 7 at 95", 7, 100, 95));

    Selection s = AudienceFilter.select(lines, spec(Scope.year(7), Rule.BELOW, 95));

    assertThat(names(s.included())).containsExactly("Year 7 at 94");
  }

  @Test
  void a_class_is_only_its_own_pupils() {
    PupilLine oak = line("Oak pupil", 3, OAK, null, new Sessions(10, 10), Sessions.NONE, Sessions.NONE);
    PupilLine ash = line("Ash pupil", 3, ASH, null, new Sessions(10, 10), Sessions.NONE, Sessions.NONE);

    assertThat(names(AudienceFilter.select(List.of(oak, ash), spec(Scope.group(ASH, "Ash"), Rule.EVERYONE, 0)).included()))
        .containsExactly("Ash pupil");
  }

  @Test
  void pupils_with_sen_or_looked_after_are_held_back_until_a_person_includes_them() {
    PupilLine plain = pupil("Plain", 7, 100, 80);
    PupilLine sen = line("With SEN support", 7, OAK, "SEN support", new Sessions(100, 80), Sessions.NONE, Sessions.NONE);
    PupilLine cared = line("Looked after", 7, OAK, "Looked after", new Sessions(100, 80), Sessions.NONE, Sessions.NONE);
    Spec below = spec(Scope.year(7), Rule.BELOW, 95);

    Selection byDefault = AudienceFilter.select(List.of(plain, sen, cared), below);
    Selection chosen = AudienceFilter.select(List.of(plain, sen, cared), below.withIncluded(Set.of(cared.pupilId())));

    assertThat(names(byDefault.included())).containsExactly("Plain");
    assertThat(names(byDefault.heldBack())).containsExactly("With SEN support", "Looked after");
    assertThat(names(chosen.included())).containsExactly("Plain", "Looked after");
    assertThat(names(chosen.heldBack())).containsExactly("With SEN support");
  }

  @Test
  void a_pupil_held_back_but_outside_the_filter_is_not_listed_at_all() {
    PupilLine sen = line("SEN at 99", 7, OAK, "EHC plan", new Sessions(100, 99), Sessions.NONE, Sessions.NONE);

    Selection s = AudienceFilter.select(List.of(sen), spec(Scope.year(7), Rule.BELOW, 95));

    assertThat(s.included()).isEmpty();
    assertThat(s.heldBack()).isEmpty();
  }

  @Test
  void full_attendance_needs_every_possible_session_of_the_period_and_at_least_one() {
    PupilLine full = line("Every session", 7, OAK, null, new Sessions(100, 90), Sessions.NONE, new Sessions(60, 60));
    PupilLine oneMissed = line("One missed", 7, OAK, null, new Sessions(100, 99), Sessions.NONE, new Sessions(60, 59));
    PupilLine none = line("Admitted today", 7, OAK, null, Sessions.NONE, Sessions.NONE, Sessions.NONE);

    Selection s = AudienceFilter.select(List.of(full, oneMissed, none), spec(Scope.school(), Rule.FULL_HALF_TERM, 0));

    assertThat(names(s.included())).containsExactly("Every session");
  }

  @Test
  void most_improved_ranks_by_percentage_points_gained_since_the_last_review() {
    List<PupilLine> lines = List.of(
        improving("Up 20 points", 60, 16), // 60% -> 80%
        improving("Up 35 points", 50, 17), // 50% -> 85%
        improving("Up 5 points", 90, 19), // 90% -> 95%
        improving("Went down", 90, 10),
        improving("Level", 80, 16));

    List<PupilLine> two = AudienceFilter.mostImproved(lines, 2);

    assertThat(names(two)).containsExactly("Up 35 points", "Up 20 points");
    assertThat(names(AudienceFilter.mostImproved(lines, 10))).containsExactly("Up 35 points", "Up 20 points", "Up 5 points");
  }

  @Test
  void a_pupil_at_100_percent_all_year_is_never_in_an_improved_list() {
    PupilLine perfect = line("Never missed", 7, OAK, null, new Sessions(120, 120), new Sessions(100, 100), Sessions.NONE);
    PupilLine improved = improving("Improved", 70, 20);

    assertThat(AudienceFilter.improved(perfect)).isFalse();
    assertThat(names(AudienceFilter.mostImproved(List.of(perfect, improved), 12))).containsExactly("Improved");
  }

  @Test
  void improvement_needs_six_recent_sessions_and_some_sessions_at_the_review() {
    PupilLine fewRecent = line("Five recent", 7, OAK, null, new Sessions(105, 75), new Sessions(100, 70), Sessions.NONE);
    PupilLine sixRecent = line("Six recent", 7, OAK, null, new Sessions(106, 76), new Sessions(100, 70), Sessions.NONE);
    PupilLine newcomer = line("New this fortnight", 7, OAK, null, new Sessions(20, 19), Sessions.NONE, Sessions.NONE);

    assertThat(AudienceFilter.improved(fewRecent)).isFalse();
    assertThat(AudienceFilter.improved(sixRecent)).isTrue();
    assertThat(AudienceFilter.improved(newcomer)).isFalse();
  }

  @Test
  void pupils_tied_with_the_last_place_are_all_included() {
    List<PupilLine> lines = List.of(improving("Best", 50, 20), improving("Tied A", 60, 16), improving("Tied B", 60, 16),
        improving("Less", 70, 16));

    assertThat(names(AudienceFilter.mostImproved(lines, 2))).containsExactly("Best", "Tied A", "Tied B");
  }

  @Test
  void most_improved_ranks_before_holding_back_so_the_list_is_not_topped_up() {
    PupilLine sen = line("SEN, most improved", 7, OAK, "SEN support", new Sessions(120, 70), new Sessions(100, 50), Sessions.NONE);
    List<PupilLine> lines = List.of(sen, improving("Second", 60, 18), improving("Third", 70, 18));

    Selection s = AudienceFilter.select(lines, spec(Scope.year(7), Rule.IMPROVED_MOST, 2));

    assertThat(names(s.included())).containsExactly("Second");
    assertThat(names(s.heldBack())).containsExactly("SEN, most improved");
  }

  @Test
  void a_percentage_outside_1_to_100_is_refused() {
    assertThatThrownBy(() -> spec(Scope.school(), Rule.BELOW, 0)).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> spec(Scope.school(), Rule.BELOW, 101)).hasMessageContaining("1 to 100");
  }

  @Test
  void the_description_kept_on_the_send_reads_plainly() {
    Spec s = new Spec(Scope.year(7), Rule.BELOW, 95, Audience.CORRESPONDENCE, Set.of());

    assertThat(s.describe(2, 1))
        .isEqualTo("Year 7, attendance below 95% this year; contacts flagged for correspondence;"
            + " 1 of 3 pupils with SEN or a care plan included by choice");
  }

  // Autumn 2025 of the attendance rules (§9): 1 Sep - 19 Dec, half term 27-31 Oct, INSET Mon 3 Nov.
  private static final SchoolCalendar CALENDAR = new SchoolCalendar(
      List.of(new SchoolCalendar.Term("Autumn 2025", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19)),
          new SchoolCalendar.Term("Spring 2026", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 27))),
      List.of(new SchoolCalendar.Closure(ClosureKind.HALF_TERM, LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 31),
              CalendarClosure.Sessions.BOTH, "October half term"),
          new SchoolCalendar.Closure(ClosureKind.INSET, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3),
              CalendarClosure.Sessions.BOTH, "INSET day"),
          new SchoolCalendar.Closure(ClosureKind.HALF_TERM, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 20),
              CalendarClosure.Sessions.BOTH, "February half term")));

  @Test
  void this_half_term_starts_after_the_october_break_and_ends_today() {
    Period p = AudienceFilter.halfTerm(CALENDAR, LocalDate.of(2025, 11, 18)).orElseThrow();

    assertThat(p.from()).isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2025, 11, 18));
  }

  @Test
  void before_the_break_the_half_term_starts_with_the_term_and_during_it_is_the_one_just_ended() {
    Period before = AudienceFilter.halfTerm(CALENDAR, LocalDate.of(2025, 10, 15)).orElseThrow();
    Period during = AudienceFilter.halfTerm(CALENDAR, LocalDate.of(2025, 10, 29)).orElseThrow();

    assertThat(before.from()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(before.to()).isEqualTo(LocalDate.of(2025, 10, 15));
    assertThat(during.from()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(during.to()).isEqualTo(LocalDate.of(2025, 10, 26));
  }

  @Test
  void this_term_in_the_christmas_holiday_is_the_autumn_term_just_ended() {
    Period p = AudienceFilter.term(CALENDAR, LocalDate.of(2025, 12, 30)).orElseThrow();

    assertThat(p.name()).isEqualTo("Autumn 2025");
    assertThat(p.from()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2025, 12, 19));
    assertThat(AudienceFilter.term(CALENDAR, LocalDate.of(2025, 8, 20))).isEmpty();
  }

  @Test
  void siblings_and_both_separated_parents_count_as_one_family() {
    UUID adam = UUID.randomUUID();
    UUID sara = UUID.randomUUID();
    UUID zoe = UUID.randomUUID();
    UUID mum = UUID.randomUUID();
    UUID dad = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<Delivery> deliveries = List.of(
        delivery(mum, adam, sara),
        delivery(dad, adam),
        delivery(other, zoe));

    assertThat(AudienceFilter.families(deliveries)).isEqualTo(2);
  }

  private static Delivery delivery(UUID guardian, UUID... pupils) {
    List<String> names = new ArrayList<>();
    for (UUID ignored : pupils) {
      names.add("Child");
    }
    return new Delivery(Channel.SMS, "+447700000000", "en", guardian, "Guardian", "Dear Guardian", List.of(guardian),
        List.of(pupils), names, false);
  }

  @Test
  void batches_never_split_a_family_and_stay_near_the_size_asked() {
    List<UUID> pupils = new ArrayList<>();
    Map<UUID, List<String>> contacts = new java.util.HashMap<>();
    for (int i = 0; i < 450; i++) {
      UUID p = UUID.randomUUID();
      pupils.add(p);
      contacts.put(p, List.of("guardian:" + (i / 3))); // families of three siblings
    }

    List<List<UUID>> batches = AudienceFilter.batches(pupils, contacts, 200);

    assertThat(batches).hasSize(3);
    assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 200));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(450);
    for (List<UUID> batch : batches) {
      Set<String> families = new java.util.HashSet<>();
      batch.forEach(p -> families.addAll(contacts.get(p)));
      for (List<UUID> other : batches) {
        if (other != batch) {
          other.forEach(p -> assertThat(families).doesNotContainAnyElementsOf(contacts.get(p)));
        }
      }
    }
  }

  @Test
  void pupils_sharing_only_a_mobile_number_stay_in_one_batch() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    Map<UUID, List<String>> contacts = Map.of(a, List.of("guardian:1", "mobile:+447911123456"), b, List.of("guardian:2"),
        c, List.of("guardian:3", "mobile:+447911123456"));

    List<List<UUID>> batches = AudienceFilter.batches(List.of(a, b, c), contacts, 2);

    assertThat(batches).containsExactly(List.of(a, c), List.of(b));
  }
}
