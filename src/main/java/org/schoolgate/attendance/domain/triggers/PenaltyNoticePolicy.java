package org.schoolgate.attendance.domain.triggers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Which penalty notice a parent may receive for a child and what it costs (attendance rules §4.2,
 * §9 case 21). Notices are issued by the local authority, one per parent per child: two parents
 * get one notice each, counted separately.
 */
public final class PenaltyNoticePolicy {

  /** A notice already issued to a parent for a child. */
  public record IssuedNotice(UUID parentId, UUID pupilId, LocalDate issuedOn) {}

  /**
   * Whether a notice may be issued to this parent on a date, and which one.
   *
   * @param number 1 or 2 when allowed; 0 when not
   * @param explanation plain English for the record, e.g. why alternative action is needed
   */
  public record Decision(UUID parentId, boolean allowed, int number, LocalDate periodStarted, String explanation) {}

  /**
   * What settles a notice paid on a day: the amount, or none when it is too late and the local
   * authority considers prosecution under s444 Education Act 1996.
   */
  public record Payment(BigDecimal amount, boolean prosecutionConsidered) {}

  private final PenaltyNoticeAmounts amounts;

  public PenaltyNoticePolicy(PenaltyNoticeAmounts amounts) {
    this.amounts = Objects.requireNonNull(amounts);
  }

  /** The notice this parent may receive for this child on {@code on}, given every notice issued so far. */
  public Decision decide(UUID parentId, UUID pupilId, List<IssuedNotice> issued, LocalDate on) {
    List<LocalDate> dates =
        issued.stream()
            .filter(n -> n.parentId().equals(parentId) && n.pupilId().equals(pupilId))
            .map(IssuedNotice::issuedOn)
            .filter(d -> !d.isBefore(amounts.countedFrom()) && d.isBefore(on))
            .sorted(Comparator.naturalOrder())
            .toList();
    // the rolling period starts with a first notice and lasts periodYears; the next notice after it starts a new one
    LocalDate periodStart = null;
    int inPeriod = 0;
    for (LocalDate date : dates) {
      if (periodStart == null || !date.isBefore(periodStart.plusYears(amounts.periodYears()))) {
        periodStart = date;
        inPeriod = 0;
      }
      inPeriod++;
    }
    if (periodStart == null || !on.isBefore(periodStart.plusYears(amounts.periodYears()))) {
      return new Decision(parentId, true, 1, on, "First penalty notice for this parent and child.");
    }
    if (inPeriod >= amounts.maxNotices()) {
      return new Decision(
          parentId,
          false,
          0,
          periodStart,
          "No penalty notice can be issued: " + inPeriod + " already issued within " + amounts.periodYears()
              + " years of the first on " + periodStart + ". Record the alternative action (usually the local authority"
              + " considers prosecution).");
    }
    return new Decision(
        parentId,
        true,
        inPeriod + 1,
        periodStart,
        "Penalty notice " + (inPeriod + 1) + " within " + amounts.periodYears() + " years of the first on " + periodStart
            + ": no reduced rate.");
  }

  /** One decision per parent of the child: each parent's notices are counted on their own. */
  public List<Decision> decideForParents(List<UUID> parentIds, UUID pupilId, List<IssuedNotice> issued, LocalDate on) {
    return parentIds.stream().map(parent -> decide(parent, pupilId, issued, on)).toList();
  }

  /** What settles notice {@code number} issued on {@code issuedOn} when paid on {@code paidOn}. */
  public Payment payment(int number, LocalDate issuedOn, LocalDate paidOn) {
    long days = ChronoUnit.DAYS.between(issuedOn, paidOn);
    if (days > amounts.payDays()) {
      return new Payment(null, true);
    }
    if (number == 1) {
      return new Payment(days <= amounts.reducedDays() ? amounts.firstReduced() : amounts.firstFull(), false);
    }
    return new Payment(amounts.second(), false);
  }
}
