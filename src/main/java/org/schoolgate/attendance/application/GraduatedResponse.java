package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AttendanceCase;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CaseEvent;
import org.schoolgate.attendance.domain.RecommendedTransition;
import org.schoolgate.attendance.domain.response.Stage;
import org.schoolgate.attendance.domain.response.StagePolicy;
import org.schoolgate.attendance.domain.response.StageRecommendation;
import org.schoolgate.attendance.domain.response.StageSettings;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * The graduated response (attendance rules §5): evaluates every pupil's stage from their stored
 * figures, raises recommendations for staff to confirm or decline (never applied by the system),
 * and keeps each pupil's case with its chronology.
 */
@ApplicationScoped
@Transactional
public class GraduatedResponse {

  /** Roles that decide stages: the attendance team and senior staff. */
  public static final Set<StaffRole> DECIDERS =
      EnumSet.of(
          StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.DSL, StaffRole.HEADTEACHER,
          StaffRole.TRUST_ATTENDANCE_LEAD, StaffRole.ADMINISTRATOR);

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private Clock clock;
  private DataSource dataSource;
  private FiguresStore figures;

  protected GraduatedResponse() {}

  @Inject
  public GraduatedResponse(CurrentUser currentUser, Clock clock, CodeTable codes, DataSource dataSource) {
    this.currentUser = currentUser;
    this.clock = clock;
    this.dataSource = dataSource;
    this.figures = new FiguresStore(dataSource, codes.codes());
  }

  /** What one evaluation of a school found. */
  public record Evaluation(int pupils, int newRecommendations, int held) {}

  /**
   * Evaluates every pupil of the school against the school's stage model and thresholds, from
   * the stored figures, and records a recommendation wherever the figures call for a different
   * stage than the case holds (and none is already waiting for that stage).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Evaluation evaluateSchool(UUID schoolId) {
    School school = em.find(School.class, schoolId);
    StageSettings settings = StageSettings.of(school);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<UUID, String> stages = new HashMap<>();
    em.createQuery("select c.pupilId, c.stage from AttendanceCase c where c.schoolId = :s", Object[].class)
        .setParameter("s", schoolId)
        .getResultList()
        .forEach(r -> stages.put((UUID) r[0], (String) r[1]));
    Map<UUID, RecommendedTransition> pending = new HashMap<>();
    em.createQuery(
            "select r from RecommendedTransition r where r.schoolId = :s and r.status = :p", RecommendedTransition.class)
        .setParameter("s", schoolId)
        .setParameter("p", RecommendedTransition.Status.PENDING)
        .getResultList()
        .forEach(r -> pending.put(r.getPupilId(), r));
    Set<UUID> humanDecision = pupilsNeedingHumanDecision(schoolId);
    int created = 0;
    int held = 0;
    for (FiguresStore.Row row : figures.forSchool(schoolId)) {
      Stage current = currentStage(stages.get(row.pupilId()), settings);
      RecommendedTransition waitingNow = pending.get(row.pupilId());
      if (StagePolicy.staysInFirstStage(row.figures(), settings, current)) {
        if (waitingNow != null) {
          waitingNow.supersede(now);
        }
        continue;
      }
      StageRecommendation rec =
          StagePolicy.recommend(row.figures(), settings, current, row.previousReview(), humanDecision.contains(row.pupilId()));
      if (rec.isHeld()) {
        held++;
      }
      Optional<Stage> target = rec.isEscalation() ? Optional.of(rec.recommended()) : rec.deEscalateTo();
      RecommendedTransition waiting = pending.get(row.pupilId());
      if (target.isEmpty()) {
        if (waiting != null) {
          waiting.supersede(now);
        }
        continue;
      }
      if (waiting != null && waiting.getRecommendedStage().equals(target.get().name())) {
        continue;
      }
      if (waiting != null) {
        waiting.supersede(now);
      }
      em.persist(
          new RecommendedTransition(
              row.pupilId(), schoolId, current.name(), target.get().name(), describe(row.figures()),
              String.join("\n", rec.reasons()), humanDecision.contains(row.pupilId()), rec.automaticAllowed(), false, now));
      created++;
    }
    return new Evaluation(figures.forSchool(schoolId).size(), created, held);
  }

  /** Recommendations waiting for a decision at a school, for the attendance team. */
  public List<RecommendedTransition> pending(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      throw new NotFoundException("School");
    }
    return em.createQuery(
            "select r from RecommendedTransition r where r.schoolId = :s and r.status = :p order by r.createdAt",
            RecommendedTransition.class)
        .setParameter("s", schoolId)
        .setParameter("p", RecommendedTransition.Status.PENDING)
        .getResultList()
        .stream()
        .filter(r -> mayDecideOrSee(user, r.getPupilId()))
        .toList();
  }

  /** A pupil's case, its chronology (newest first) and any recommendation waiting. */
  public record CaseFile(
      Stage stage, Optional<AttendanceCase> attendanceCase, List<CaseEvent> chronology, Optional<RecommendedTransition> pending,
      Optional<StaffMember> leadProfessional) {}

  public CaseFile caseOf(UUID pupilId) {
    Pupil pupil = requirePupil(pupilId);
    StageSettings settings = StageSettings.of(pupil.getSchool());
    Optional<AttendanceCase> found = findCase(pupilId);
    List<CaseEvent> events =
        found.map(
                c -> em.createQuery("select e from CaseEvent e where e.caseId = :c order by e.at desc", CaseEvent.class)
                    .setParameter("c", c.getId())
                    .getResultList())
            .orElse(List.of());
    Optional<RecommendedTransition> waiting =
        em.createQuery(
                "select r from RecommendedTransition r where r.pupilId = :p and r.status = :s", RecommendedTransition.class)
            .setParameter("p", pupilId)
            .setParameter("s", RecommendedTransition.Status.PENDING)
            .getResultList()
            .stream()
            .findFirst();
    Optional<StaffMember> lead =
        found.map(AttendanceCase::getLeadProfessionalId).map(id -> em.find(StaffMember.class, id));
    return new CaseFile(
        currentStage(found.map(AttendanceCase::getStage).orElse(null), settings), found, events, waiting, lead);
  }

  /** A member of staff confirms a recommendation: the case moves to that stage. */
  public AttendanceCase confirm(UUID recommendationId, String note) {
    SignedInUser user = currentUser.requireStaff();
    RecommendedTransition rec = requireDecidable(user, recommendationId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    rec.confirm(user.id(), note, now);
    Pupil pupil = em.find(Pupil.class, rec.getPupilId());
    AttendanceCase c = findCase(pupil.getId()).orElseGet(() -> open(pupil, now));
    String from = c.getStage();
    c.moveTo(rec.getRecommendedStage(), LocalDate.now(clock), rec.getFigures(), now);
    em.persist(
        new CaseEvent(
            c.getId(), now, CaseEvent.STAGE_CHANGED, from, rec.getRecommendedStage(), user.id(), user.displayName(),
            "Moved from " + Stage.valueOf(from).label() + " to " + Stage.valueOf(rec.getRecommendedStage()).label()
                + " at " + rec.getFigures() + (note == null || note.isBlank() ? "" : ". " + note.trim())));
    return c;
  }

  /** A member of staff declines a recommendation, with the reason (kept in the chronology). */
  public void decline(UUID recommendationId, String reason) {
    SignedInUser user = currentUser.requireStaff();
    RecommendedTransition rec = requireDecidable(user, recommendationId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    rec.decline(user.id(), reason, now);
    Pupil pupil = em.find(Pupil.class, rec.getPupilId());
    AttendanceCase c = findCase(pupil.getId()).orElseGet(() -> open(pupil, now));
    em.persist(
        new CaseEvent(
            c.getId(), now, CaseEvent.RECOMMENDATION_DECLINED, c.getStage(), rec.getRecommendedStage(), user.id(),
            user.displayName(),
            "Did not move to " + Stage.valueOf(rec.getRecommendedStage()).label() + ": " + reason.trim()));
  }

  /** Names the lead professional for the pupil's case (attendance rules product decision 5). */
  public AttendanceCase nameLeadProfessional(UUID pupilId, UUID staffMemberId) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = requirePupil(pupilId);
    if (!user.hasAnyRoleAt(pupil.getSchool().getId(), DECIDERS)) {
      throw new AccessDeniedException("Only the attendance team and senior staff name a lead professional");
    }
    StaffMember lead = staffMemberId == null ? null : em.find(StaffMember.class, staffMemberId);
    if (lead == null) {
      throw new InvalidInputException("staffMemberId", "Choose a member of staff");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    AttendanceCase c = findCase(pupilId).orElseGet(() -> open(pupil, now));
    c.nameLeadProfessional(lead.getId(), now);
    em.persist(
        new CaseEvent(c.getId(), now, CaseEvent.LEAD_PROFESSIONAL, null, null, user.id(), user.displayName(),
            lead.fullName() + " named as lead professional"));
    return c;
  }

  private AttendanceCase open(Pupil pupil, OffsetDateTime now) {
    School school = pupil.getSchool();
    AttendanceCase c =
        new AttendanceCase(
            pupil.getId(), school.getId(), school.getStageModel().name(), Stage.first(school.getStageModel()).name(),
            LocalDate.now(clock), now);
    em.persist(c);
    return c;
  }

  private Optional<AttendanceCase> findCase(UUID pupilId) {
    return em.createQuery("select c from AttendanceCase c where c.pupilId = :p", AttendanceCase.class)
        .setParameter("p", pupilId)
        .getResultList()
        .stream()
        .findFirst();
  }

  private RecommendedTransition requireDecidable(SignedInUser user, UUID recommendationId) {
    RecommendedTransition rec = em.find(RecommendedTransition.class, recommendationId);
    if (rec == null || !mayDecideOrSee(user, rec.getPupilId())) {
      throw new NotFoundException("Recommendation");
    }
    if (!user.hasAnyRoleAt(rec.getSchoolId(), DECIDERS)) {
      throw new AccessDeniedException("Stage decisions are made by the attendance team and senior staff");
    }
    return rec;
  }

  private boolean mayDecideOrSee(SignedInUser user, UUID pupilId) {
    Pupil pupil = em.find(Pupil.class, pupilId);
    return pupil != null && PupilAccessPolicy.staffMaySee(user, pupil);
  }

  private Pupil requirePupil(UUID pupilId) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = em.find(Pupil.class, pupilId);
    if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    return pupil;
  }

  /** The stage a case holds, or the model's first stage; a case from another model starts again. */
  static Stage currentStage(String stored, StageSettings settings) {
    if (stored != null) {
      Stage stage = Stage.valueOf(stored);
      if (stage.model() == settings.model()) {
        return stage;
      }
    }
    return Stage.first(settings.model());
  }

  static String describe(AttendanceFigures f) {
    return f.attendanceRate().map(r -> r.forStaff() + "%").orElse("no sessions") + " (" + f.attended() + " of "
        + f.possible() + " sessions attended)";
  }

  /** Pupils with SEND, a child protection or child in need plan, or looked after (§5.1). */
  private Set<UUID> pupilsNeedingHumanDecision(UUID schoolId) {
    Set<UUID> ids = new java.util.HashSet<>();
    String sql =
        "select id from pupil where school_id = ? and (sen_status <> 'NONE' or child_protection = true"
            + " or child_in_need = true or looked_after = true)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read pupils' needs", e);
    }
    return ids;
  }
}
