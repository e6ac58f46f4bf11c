package org.schoolgate.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * The school-day service: each school's academic calendar (terms and closures) and the questions
 * deadlines depend on: is this a school day, which is the Nth school day after a date.
 */
@ApplicationScoped
@Transactional
public class SchoolCalendars {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Schools schools;

  protected SchoolCalendars() {}

  @Inject
  public SchoolCalendars(Schools schools) {
    this.schools = schools;
  }

  /** The calendar of a school, without a permission check: for rules and background jobs. */
  public SchoolCalendar calendarOf(UUID schoolId) {
    List<SchoolCalendar.Term> terms = terms(schoolId).stream().map(AcademicTerm::toTerm).toList();
    List<SchoolCalendar.Closure> closures = closures(schoolId).stream().map(CalendarClosure::toClosure).toList();
    return new SchoolCalendar(terms, closures);
  }

  public boolean isSchoolDay(UUID schoolId, LocalDate date) {
    return calendarOf(schoolId).isSchoolDay(date);
  }

  public LocalDate nthSchoolDayAfter(UUID schoolId, LocalDate date, int n) {
    return calendarOf(schoolId).nthSchoolDayAfter(date, n);
  }

  public List<AcademicTerm> terms(UUID schoolId) {
    return em.createQuery(
            "select t from AcademicTerm t where t.school.id = :s order by t.startDate", AcademicTerm.class)
        .setParameter("s", schoolId)
        .getResultList();
  }

  public List<CalendarClosure> closures(UUID schoolId) {
    return em.createQuery(
            "select c from CalendarClosure c where c.school.id = :s order by c.firstDay", CalendarClosure.class)
        .setParameter("s", schoolId)
        .getResultList();
  }

  public AcademicTerm addTerm(UUID schoolId, String name, LocalDate start, LocalDate end) {
    School school = editable(schoolId);
    AcademicTerm term = new AcademicTerm(school, name, start, end);
    em.persist(term);
    return term;
  }

  public CalendarClosure addClosure(
      UUID schoolId, ClosureKind kind, LocalDate first, LocalDate last, CalendarClosure.Sessions sessions, String description) {
    School school = editable(schoolId);
    CalendarClosure closure = new CalendarClosure(school, kind, first, last, sessions, description);
    em.persist(closure);
    return closure;
  }

  public void removeClosure(UUID closureId) {
    CalendarClosure closure = em.find(CalendarClosure.class, closureId);
    if (closure == null) {
      throw new NotFoundException("Closure");
    }
    editable(closure.getSchool().getId());
    em.remove(closure);
  }

  private School editable(UUID schoolId) {
    School school = schools.school(schoolId);
    if (!schools.mayChangeSettings(schoolId)) {
      throw new AccessDeniedException("Only an administrator or the headteacher can change the calendar");
    }
    return school;
  }
}
