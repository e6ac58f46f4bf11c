package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.schoolgate.platform.persistence.BaseEntity;

/** A multi-academy trust: the group of schools one installation serves. */
@Entity
@Table(name = "trust")
public class Trust extends BaseEntity {

  @Column(name = "name", nullable = false)
  private String name;

  protected Trust() {}

  public Trust(String name) {
    this.name = requireText(name);
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = requireText(name);
  }

  private static String requireText(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a trust needs a name");
    }
    return name.trim();
  }
}
