package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/** A term (autumn, spring, summer): the school meets on weekdays between its first and last day. */
@Entity
@Table(name = "academic_term")
public class AcademicTerm extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  private LocalDate endDate;

  protected AcademicTerm() {}

  public AcademicTerm(School school, String name, LocalDate startDate, LocalDate endDate) {
    if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
      throw new InvalidInputException("endDate", "A term must end on or after the day it starts");
    }
    this.school = school;
    this.name = name;
    this.startDate = startDate;
    this.endDate = endDate;
  }

  public School getSchool() {
    return school;
  }

  public String getName() {
    return name;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public SchoolCalendar.Term toTerm() {
    return new SchoolCalendar.Term(name, startDate, endDate);
  }
}
