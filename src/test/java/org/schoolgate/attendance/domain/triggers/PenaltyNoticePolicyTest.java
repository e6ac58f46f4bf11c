package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.triggers.PenaltyNoticePolicy.Decision;
import org.schoolgate.attendance.domain.triggers.PenaltyNoticePolicy.IssuedNotice;

/** Penalty-notice amounts and the limit of two per parent per child in three years (§4.2, §9 case 21). */
class PenaltyNoticePolicyTest {

  private static final PenaltyNoticePolicy POLICY = new PenaltyNoticePolicy(PenaltyNoticeAmounts.framework2024());
  private static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  private static final UUID MUM = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID DAD = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
  private static final LocalDate FIRST = date(2026, 1, 12);

  @Test
  void case_21_a_first_notice_paid_on_day_twenty_one_costs_eighty_pounds() {
    assertThat(POLICY.payment(1, FIRST, FIRST.plusDays(21)).amount()).isEqualByComparingTo("80");
  }

  @Test
  void case_21_a_first_notice_paid_on_days_twenty_two_to_twenty_eight_costs_one_hundred_and_sixty_pounds() {
    assertThat(POLICY.payment(1, FIRST, FIRST.plusDays(22)).amount()).isEqualByComparingTo("160");
    assertThat(POLICY.payment(1, FIRST, FIRST.plusDays(28)).amount()).isEqualByComparingTo("160");
    assertThat(POLICY.payment(1, FIRST, FIRST.plusDays(28)).prosecutionConsidered()).isFalse();
  }

  @Test
  void case_21_a_notice_unpaid_after_day_twenty_eight_goes_to_the_local_authority_to_consider_prosecution() {
    PenaltyNoticePolicy.Payment late = POLICY.payment(1, FIRST, FIRST.plusDays(29));
    assertThat(late.prosecutionConsidered()).isTrue();
    assertThat(late.amount()).isNull();
  }

  @Test
  void case_21_a_second_notice_within_three_years_is_one_hundred_and_sixty_pounds_flat() {
    LocalDate secondOn = date(2027, 3, 1);
    Decision second = POLICY.decide(MUM, CHILD, List.of(new IssuedNotice(MUM, CHILD, FIRST)), secondOn);

    assertThat(second.allowed()).isTrue();
    assertThat(second.number()).isEqualTo(2);
    assertThat(POLICY.payment(2, secondOn, secondOn.plusDays(5)).amount()).isEqualByComparingTo(new BigDecimal("160"));
  }

  @Test
  void case_21_a_third_notice_within_three_years_of_the_first_cannot_be_issued_and_alternative_action_is_recorded() {
    List<IssuedNotice> issued = List.of(new IssuedNotice(MUM, CHILD, FIRST), new IssuedNotice(MUM, CHILD, date(2027, 3, 1)));

    Decision third = POLICY.decide(MUM, CHILD, issued, date(2028, 2, 1));

    assertThat(third.allowed()).isFalse();
    assertThat(third.periodStarted()).isEqualTo(FIRST);
    assertThat(third.explanation()).contains("alternative action");
  }

  @Test
  void case_21_two_parents_get_one_notice_each_counted_separately() {
    List<IssuedNotice> issued = List.of(new IssuedNotice(MUM, CHILD, FIRST));

    List<Decision> decisions = POLICY.decideForParents(List.of(MUM, DAD), CHILD, issued, date(2027, 3, 1));

    assertThat(decisions).extracting(Decision::parentId).containsExactly(MUM, DAD);
    assertThat(decisions).extracting(Decision::number).containsExactly(2, 1);
  }

  @Test
  void three_years_after_the_first_notice_a_new_first_notice_with_the_reduced_rate_is_possible() {
    List<IssuedNotice> issued = List.of(new IssuedNotice(MUM, CHILD, FIRST), new IssuedNotice(MUM, CHILD, date(2027, 3, 1)));

    Decision later = POLICY.decide(MUM, CHILD, issued, FIRST.plusYears(3));

    assertThat(later.allowed()).isTrue();
    assertThat(later.number()).isEqualTo(1);
  }

  @Test
  void notices_issued_before_the_2024_framework_do_not_count_towards_the_limit() {
    List<IssuedNotice> issued = List.of(new IssuedNotice(MUM, CHILD, date(2024, 3, 1)), new IssuedNotice(MUM, CHILD, date(2024, 6, 1)));

    assertThat(POLICY.decide(MUM, CHILD, issued, FIRST).number()).isEqualTo(1);
  }
}
