package org.schoolgate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.platform.persistence.BaseEntity;

/**
 * A member of staff's sign-in: username, password hash and the lockout that follows repeated
 * failures (five wrong passwords lock the account for fifteen minutes by default).
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends BaseEntity {

  @OneToOne(optional = false)
  @JoinColumn(name = "staff_member_id")
  private StaffMember staffMember;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private OffsetDateTime lockedUntil;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  protected StaffAccount() {}

  public StaffAccount(StaffMember staffMember, String username, String passwordHash) {
    this.staffMember = staffMember;
    this.username = normalise(username);
    this.passwordHash = passwordHash;
  }

  public static String normalise(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  public boolean isLocked(OffsetDateTime now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a wrong password; at {@code maxFailures} the account locks for {@code lockFor}. */
  public void recordFailure(OffsetDateTime now, int maxFailures, Duration lockFor) {
    failedSignIns++;
    if (failedSignIns >= maxFailures) {
      lockedUntil = now.plus(lockFor);
      failedSignIns = 0;
    }
  }

  public void recordSuccess() {
    failedSignIns = 0;
    lockedUntil = null;
  }

  public void changePasswordHash(String hash) {
    this.passwordHash = hash;
  }

  public void deactivate() {
    this.active = false;
  }

  public StaffMember getStaffMember() {
    return staffMember;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public int getFailedSignIns() {
    return failedSignIns;
  }

  public OffsetDateTime getLockedUntil() {
    return lockedUntil;
  }

  public boolean isActive() {
    return active;
  }
}
