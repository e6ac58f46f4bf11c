package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/** Days inside a term when the school does not meet: half term, INSET, bank holiday, closure. */
@Entity
@Table(name = "calendar_closure")
public class CalendarClosure extends BaseEntity {

  /** Which sessions of each day the closure covers. */
  public enum Sessions {
    BOTH,
    AM,
    PM;

    public boolean covers(Session session) {
      return this == BOTH || name().equals(session.name());
    }
  }

  @ManyToOne(optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private ClosureKind kind;

  @Column(name = "first_day", nullable = false)
  private LocalDate firstDay;

  @Column(name = "last_day", nullable = false)
  private LocalDate lastDay;

  @Enumerated(EnumType.STRING)
  @Column(name = "sessions", nullable = false)
  private Sessions sessions = Sessions.BOTH;

  @Column(name = "description", nullable = false)
  private String description;

  protected CalendarClosure() {}

  public CalendarClosure(
      School school, ClosureKind kind, LocalDate firstDay, LocalDate lastDay, Sessions sessions, String description) {
    if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
      throw new InvalidInputException("lastDay", "A closure must end on or after the day it starts");
    }
    this.school = school;
    this.kind = kind;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.sessions = sessions;
    this.description = description == null || description.isBlank() ? kind.label() : description.trim();
  }

  public School getSchool() {
    return school;
  }

  public ClosureKind getKind() {
    return kind;
  }

  public LocalDate getFirstDay() {
    return firstDay;
  }

  public LocalDate getLastDay() {
    return lastDay;
  }

  public Sessions getSessions() {
    return sessions;
  }

  public String getDescription() {
    return description;
  }

  public SchoolCalendar.Closure toClosure() {
    return new SchoolCalendar.Closure(kind, firstDay, lastDay, sessions, description);
  }
}
