package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.schoolgate.platform.persistence.BaseEntity;

/** A class (primary) or tutor group (secondary): the group a form tutor or class teacher owns. */
@Entity
@Table(name = "teaching_group")
public class TeachingGroup extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "year_group", nullable = false)
  private int yearGroup;

  protected TeachingGroup() {}

  public TeachingGroup(School school, String name, int yearGroup) {
    this.school = school;
    this.name = name;
    this.yearGroup = yearGroup;
  }

  public School getSchool() {
    return school;
  }

  public String getName() {
    return name;
  }

  public int getYearGroup() {
    return yearGroup;
  }
}
