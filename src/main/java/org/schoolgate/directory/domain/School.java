package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A school, with the settings every attendance figure and deadline depends on (attendance rules
 * §0.3): register times, session lengths, lessons per session and graduated-response thresholds.
 */
@Entity
@Table(name = "school")
public class School extends BaseEntity {

  /** The longest a register may stay open after it opens (attendance rules R1.2). */
  public static final int MAX_REGISTER_OPEN_MINUTES = 30;

  @ManyToOne(optional = false)
  @JoinColumn(name = "trust_id")
  private Trust trust;

  @Column(name = "urn", nullable = false, length = 6)
  private String urn;

  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "phase", nullable = false)
  private Phase phase;

  @Column(name = "time_zone", nullable = false)
  private String timeZone = "Europe/London";

  @Column(name = "am_register_open", nullable = false)
  private LocalTime amRegisterOpen;

  @Column(name = "pm_register_open", nullable = false)
  private LocalTime pmRegisterOpen;

  @Column(name = "register_close_after_min", nullable = false)
  private int registerCloseAfterMinutes;

  @Column(name = "am_session_end", nullable = false)
  private LocalTime amSessionEnd;

  @Column(name = "pm_session_end", nullable = false)
  private LocalTime pmSessionEnd;

  @Column(name = "am_session_hours", nullable = false)
  private BigDecimal amSessionHours = new BigDecimal("2.5");

  @Column(name = "pm_session_hours", nullable = false)
  private BigDecimal pmSessionHours = new BigDecimal("2.5");

  @Column(name = "am_lessons", nullable = false)
  private int amLessons = 3;

  @Column(name = "pm_lessons", nullable = false)
  private int pmLessons = 2;

  @Column(name = "school_year_days", nullable = false)
  private int schoolYearDays = 190;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage_model", nullable = false)
  private StageModel stageModel = StageModel.FOUR_STAGE;

  @Column(name = "listen_threshold", nullable = false)
  private BigDecimal listenThreshold = new BigDecimal("96");

  @Column(name = "listen_comparator", nullable = false)
  private String listenComparator = "<";

  @Column(name = "facilitate_threshold", nullable = false)
  private BigDecimal facilitateThreshold = new BigDecimal("90");

  @Column(name = "facilitate_comparator", nullable = false)
  private String facilitateComparator = "<=";

  @Column(name = "enforce_threshold", nullable = false)
  private BigDecimal enforceThreshold = new BigDecimal("50");

  @Column(name = "enforce_comparator", nullable = false)
  private String enforceComparator = "<=";

  @Column(name = "min_possible_sessions", nullable = false)
  private int minPossibleSessions = 10;

  @Column(name = "n_code_deadline_days", nullable = false)
  private int nCodeDeadlineDays = 5;

  @Column(name = "home_visit_day", nullable = false)
  private int homeVisitDay = 3;

  @Column(name = "home_visit_repeat_days", nullable = false)
  private int homeVisitRepeatDays = 3;

  @Column(name = "cme_notify_days", nullable = false)
  private int cmeNotifyDays = 10;

  @Column(name = "brand_key")
  private String brandKey;

  @Column(name = "brand_colour")
  private String brandColour;

  @Column(name = "address")
  private String address;

  @Column(name = "phone")
  private String phone;

  @Column(name = "email")
  private String email;

  @Column(name = "headteacher_name")
  private String headteacherName;

  protected School() {}

  public School(Trust trust, String urn, String name, Phase phase, RegisterTimes registerTimes) {
    if (urn == null || !urn.matches("[0-9]{6}")) {
      throw new InvalidInputException("urn", "URN: a school's URN is six digits");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "Name: a school needs a name");
    }
    this.trust = trust;
    this.urn = urn;
    this.name = name.trim();
    this.phase = phase;
    changeRegisterTimes(registerTimes);
  }

  /**
   * Sets when each register opens, how long it stays open and when each session ends. Refused
   * when a register would stay open more than 30 minutes (attendance rules R1.2).
   */
  public void changeRegisterTimes(RegisterTimes times) {
    times.validate();
    this.amRegisterOpen = times.amOpen();
    this.pmRegisterOpen = times.pmOpen();
    this.registerCloseAfterMinutes = times.closeAfterMinutes();
    this.amSessionEnd = times.amEnd();
    this.pmSessionEnd = times.pmEnd();
  }

  public RegisterTimes registerTimes() {
    return new RegisterTimes(
        amRegisterOpen, pmRegisterOpen, registerCloseAfterMinutes, amSessionEnd, pmSessionEnd);
  }

  /** Session lengths in hours and lessons, used for "hours and lessons missed". */
  public void changeSessionLengths(
      BigDecimal amHours, BigDecimal pmHours, int amLessons, int pmLessons) {
    if (amHours == null || amHours.signum() <= 0 || amHours.compareTo(BigDecimal.valueOf(6)) > 0) {
      throw new InvalidInputException("amSessionHours", "Morning session hours must be between 0 and 6");
    }
    if (pmHours == null || pmHours.signum() <= 0 || pmHours.compareTo(BigDecimal.valueOf(6)) > 0) {
      throw new InvalidInputException("pmSessionHours", "Afternoon session hours must be between 0 and 6");
    }
    if (amLessons < 0 || amLessons > 8 || pmLessons < 0 || pmLessons > 8) {
      throw new InvalidInputException("lessons", "Lessons per session must be between 0 and 8");
    }
    this.amSessionHours = amHours;
    this.pmSessionHours = pmHours;
    this.amLessons = amLessons;
    this.pmLessons = pmLessons;
  }

  /** The graduated-response model and its three thresholds, each with its comparator. */
  public void changeStageThresholds(StageModel model, StageThresholds thresholds) {
    thresholds.validate();
    this.stageModel = model;
    this.listenThreshold = thresholds.listen();
    this.listenComparator = thresholds.listenComparator().symbol();
    this.facilitateThreshold = thresholds.facilitate();
    this.facilitateComparator = thresholds.facilitateComparator().symbol();
    this.enforceThreshold = thresholds.enforce();
    this.enforceComparator = thresholds.enforceComparator().symbol();
  }

  public StageThresholds stageThresholds() {
    return new StageThresholds(
        listenThreshold,
        ThresholdComparator.ofSymbol(listenComparator),
        facilitateThreshold,
        ThresholdComparator.ofSymbol(facilitateComparator),
        enforceThreshold,
        ThresholdComparator.ofSymbol(enforceComparator));
  }

  public void changeBranding(String brandKey, String brandColour) {
    if (brandColour != null && !brandColour.isBlank() && !brandColour.matches("#[0-9a-fA-F]{6}")) {
      throw new InvalidInputException("brandColour", "Brand colour must look like #1a4f8b");
    }
    if (brandKey != null && !brandKey.isBlank() && !brandKey.matches("[a-z0-9-]{1,40}")) {
      throw new InvalidInputException("brandKey", "Brand folder names use lower-case letters, digits and dashes");
    }
    this.brandKey = brandKey == null || brandKey.isBlank() ? null : brandKey;
    this.brandColour = brandColour == null || brandColour.isBlank() ? null : brandColour;
  }

  public void changeContactDetails(String address, String phone, String email, String headteacherName) {
    this.address = address;
    this.phone = phone;
    this.email = email;
    this.headteacherName = headteacherName;
  }

  /** Other triggers' settings (attendance rules §0.3). */
  public void changeTriggerSettings(
      int minPossibleSessions, int nCodeDeadlineDays, int homeVisitDay, int homeVisitRepeatDays, int cmeNotifyDays) {
    if (minPossibleSessions < 0 || nCodeDeadlineDays < 1 || homeVisitDay < 1 || homeVisitRepeatDays < 1 || cmeNotifyDays < 1) {
      throw new InvalidInputException("triggers", "Trigger settings must be positive numbers of days or sessions");
    }
    this.minPossibleSessions = minPossibleSessions;
    this.nCodeDeadlineDays = nCodeDeadlineDays;
    this.homeVisitDay = homeVisitDay;
    this.homeVisitRepeatDays = homeVisitRepeatDays;
    this.cmeNotifyDays = cmeNotifyDays;
  }

  public Trust getTrust() {
    return trust;
  }

  public String getUrn() {
    return urn;
  }

  public String getName() {
    return name;
  }

  public Phase getPhase() {
    return phase;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public BigDecimal getAmSessionHours() {
    return amSessionHours;
  }

  public BigDecimal getPmSessionHours() {
    return pmSessionHours;
  }

  public BigDecimal sessionHours(Session session) {
    return session == Session.AM ? amSessionHours : pmSessionHours;
  }

  public int getAmLessons() {
    return amLessons;
  }

  public int getPmLessons() {
    return pmLessons;
  }

  public int lessons(Session session) {
    return session == Session.AM ? amLessons : pmLessons;
  }

  public int getSchoolYearDays() {
    return schoolYearDays;
  }

  public StageModel getStageModel() {
    return stageModel;
  }

  public int getMinPossibleSessions() {
    return minPossibleSessions;
  }

  public int getNCodeDeadlineDays() {
    return nCodeDeadlineDays;
  }

  public int getHomeVisitDay() {
    return homeVisitDay;
  }

  public int getHomeVisitRepeatDays() {
    return homeVisitRepeatDays;
  }

  public int getCmeNotifyDays() {
    return cmeNotifyDays;
  }

  public String getBrandKey() {
    return brandKey;
  }

  public String getBrandColour() {
    return brandColour;
  }

  public String getAddress() {
    return address;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getHeadteacherName() {
    return headteacherName;
  }
}
