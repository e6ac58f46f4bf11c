package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * One communication log per pupil and per family: every message and letter (written by the
 * outbox as it saves them), every reply, call, visit, meeting, note, task and document. Every
 * feature writes here through {@link #record} (a member of staff) or {@link #recordAsSchool} (a
 * webhook, a scheduled job, a parent's signature), and reads through the timelines.
 *
 * <p>Who sees what: staff who may see the pupil (the directory checks and audits the read);
 * restricted (safeguarding) entries only the designated safeguarding lead and the headteacher of
 * the entry's school; parents only the messages sent to them.
 */
@ApplicationScoped
public class CommunicationLog {

  /** The resource name staff reads are audited under. */
  public static final String RESOURCE = "communication log";

  /** Who reads restricted (safeguarding) entries. */
  public static final Set<StaffRole> RESTRICTED_READERS = EnumSet.of(StaffRole.DSL, StaffRole.HEADTEACHER);

  static final int TITLE_MAX = 300;
  static final int DETAIL_MAX = 10_000;
  static final int PARENT_LIST_MAX = 300;

  private static final Logger LOG = Logger.getLogger(CommunicationLog.class.getName());

  private LogStore store;
  private CurrentUser currentUser;
  private LogAccess access;
  private Clock clock;

  protected CommunicationLog() {}

  @Inject
  public CommunicationLog(DataSource dataSource, CurrentUser currentUser, PupilDirectory directory, Clock clock) {
    this(dataSource, currentUser, pupilId -> directory.pupil(pupilId, RESOURCE).getSchool().getId(), clock);
  }

  CommunicationLog(DataSource dataSource, CurrentUser currentUser, LogAccess access, Clock clock) {
    this.store = new LogStore(dataSource);
    this.currentUser = currentUser;
    this.access = access;
    this.clock = clock;
  }

  // ---- writing -----------------------------------------------------------------------------------

  /**
   * Writes an entry by the signed-in member of staff (they are its actor), one row per pupil.
   * They must work at the school and be allowed to see each pupil; the guardian must be linked to
   * one of the pupils (or, with no pupil, to a child of the school they may see). Any member of
   * staff may mark an entry restricted, so a concern can be logged without colleagues reading it;
   * only the DSL and the headteacher see it afterwards. Returns the ids of the rows written.
   */
  @Transactional
  public List<UUID> record(LogEntry entry) {
    SignedInUser user = currentUser.requireStaff();
    checkContent(entry);
    if (user.rolesAt(entry.schoolId()).isEmpty()) {
      throw new AccessDeniedException("You do not work at this school");
    }
    for (UUID pupilId : entry.pupilIds()) {
      if (!access.schoolOfVisiblePupil(pupilId).equals(entry.schoolId())) {
        throw new InvalidInputException("pupilIds", "This pupil is not at this school");
      }
    }
    if (entry.guardianId() != null) {
      List<LogStore.Child> children = store.childrenOf(entry.guardianId());
      boolean linked =
          entry.pupilIds().isEmpty()
              ? children.stream().filter(c -> c.schoolId().equals(entry.schoolId())).anyMatch(c -> visible(c.pupilId()))
              : children.stream().anyMatch(c -> entry.pupilIds().contains(c.pupilId()));
      if (!linked) {
        throw new NotFoundException("Family");
      }
    }
    return write(entry, user.displayName());
  }

  /**
   * Writes an entry on the school's behalf, with no signed-in member of staff: a reply arriving
   * by text, a parent signing a contract, a scheduled job. {@code actor} names who or what did it
   * ("Mrs Jones (parent)", "Attendance rules"). The caller has already decided it may.
   */
  @Transactional
  public List<UUID> recordAsSchool(LogEntry entry, String actor) {
    checkContent(entry);
    if (actor == null || actor.isBlank()) {
      throw new InvalidInputException("actor", "Say who or what made this entry");
    }
    return write(entry, actor.strip());
  }

  private List<UUID> write(LogEntry entry, String actor) {
    OffsetDateTime when = entry.occurredAt() == null ? OffsetDateTime.now(clock) : entry.occurredAt();
    String detail = entry.detail() == null || entry.detail().isBlank() ? null : entry.detail().strip();
    List<LogStore.Row> rows = new ArrayList<>();
    List<UUID> pupils = entry.pupilIds().isEmpty() ? java.util.Collections.singletonList(null) : entry.pupilIds();
    for (UUID pupilId : pupils) {
      rows.add(new LogStore.Row(UUID.randomUUID(), entry.schoolId(), pupilId, entry.guardianId(), when, entry.kind(), entry.title().strip(),
          detail, truncate(actor, 120), entry.restricted(), entry.inboundId()));
    }
    store.insert(rows);
    LOG.fine(() -> "Logged " + entry.kind() + " at school " + entry.schoolId() + " as " + rows.stream().map(LogStore.Row::id).toList());
    return rows.stream().map(LogStore.Row::id).toList();
  }

  private void checkContent(LogEntry entry) {
    if (entry.kind() == null) {
      throw new InvalidInputException("kind", "Choose what kind of entry this is: a call, visit, meeting or note");
    }
    if (entry.kind().isWrittenByOutbox()) {
      throw new InvalidInputException("kind", "Messages and letters go into the log by themselves when they are sent");
    }
    if (entry.schoolId() == null) {
      throw new InvalidInputException("schoolId", "Choose the school");
    }
    if (entry.pupilIds().isEmpty() && entry.guardianId() == null) {
      throw new InvalidInputException("pupilIds", "Choose the pupil or the family this is about");
    }
    if (entry.title() == null || entry.title().isBlank()) {
      throw new InvalidInputException("title", "Give the entry a short title, for example \"Rang Mum about Monday\"");
    }
    if (entry.title().strip().length() > TITLE_MAX) {
      throw new InvalidInputException("title", "The title can be at most " + TITLE_MAX + " characters; put the rest in the details");
    }
    if (entry.detail() != null && entry.detail().length() > DETAIL_MAX) {
      throw new InvalidInputException("detail", "The details can be at most 10,000 characters");
    }
    if (entry.occurredAt() != null && entry.occurredAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
      throw new InvalidInputException("occurredAt", "The time cannot be in the future");
    }
  }

  // ---- staff timelines ---------------------------------------------------------------------------

  /** A pupil's timeline for the signed-in member of staff, newest first. */
  public LogTimeline pupilTimeline(UUID pupilId, LogFilter filter) {
    SignedInUser user = currentUser.requireStaff();
    UUID schoolId = access.schoolOfVisiblePupil(pupilId);
    List<LogPupil> pupils = store.pupils(List.of(pupilId));
    Set<UUID> restricted = restrictedSchools(user, Set.of(schoolId));
    List<LogItem> items =
        store.entries(new LogStore.Scope(List.of(pupilId), null, List.of()), orAll(filter), restricted, store.zoneOf(schoolId));
    return new LogTimeline(pupils.isEmpty() ? "" : pupils.get(0).name(), null, pupils, !restricted.isEmpty(), items);
  }

  /**
   * A family's timeline: every child of the guardian this member of staff may see (each read
   * audited), with everything in their logs, and the entries with the guardian that name no child
   * at those children's schools. A message naming two siblings shows once, with both names.
   */
  public LogTimeline familyTimeline(UUID guardianId, LogFilter filter) {
    SignedInUser user = currentUser.requireStaff();
    List<UUID> visible = new ArrayList<>();
    Set<UUID> schools = new LinkedHashSet<>();
    for (LogStore.Child child : store.childrenOf(guardianId)) {
      if (!user.rolesAt(child.schoolId()).isEmpty() && visible(child.pupilId())) {
        visible.add(child.pupilId());
        schools.add(child.schoolId());
      }
    }
    if (visible.isEmpty()) {
      throw new NotFoundException("Family");
    }
    Set<UUID> restricted = restrictedSchools(user, schools);
    List<LogItem> items =
        store.entries(
            new LogStore.Scope(visible, guardianId, schools), orAll(filter), restricted, store.zoneOf(schools.iterator().next()));
    return new LogTimeline(
        store.guardianName(guardianId).orElse(""), guardianId, store.pupils(visible), !restricted.isEmpty(), onePerEvent(items, visible));
  }

  private boolean visible(UUID pupilId) {
    try {
      access.schoolOfVisiblePupil(pupilId);
      return true;
    } catch (NotFoundException notVisible) {
      return false;
    }
  }

  private static Set<UUID> restrictedSchools(SignedInUser user, Set<UUID> schools) {
    Set<UUID> out = new LinkedHashSet<>();
    for (UUID school : schools) {
      if (user.hasAnyRoleAt(school, RESTRICTED_READERS)) {
        out.add(school);
      }
    }
    return out;
  }

  private static LogFilter orAll(LogFilter filter) {
    return filter == null ? LogFilter.all() : filter;
  }

  /**
   * Rows written together for several children (one message, one call about two siblings) shown
   * once, naming every child, eldest first (the order of {@code children}).
   */
  static List<LogItem> onePerEvent(List<LogItem> items, List<UUID> children) {
    Map<String, LogItem> byEvent = new LinkedHashMap<>();
    for (LogItem item : items) {
      String key =
          item.message() != null
              ? "m" + item.message().id()
              : item.reply() != null
                  ? "i" + item.reply().id() + item.kind()
                  : "e" + item.kind() + "|" + item.when().toInstant() + "|" + item.title() + "|" + item.actor() + "|" + item.guardianId()
                      + "|" + item.detail() + "|" + item.restricted();
      byEvent.merge(
          key,
          item,
          (first, next) -> {
            List<LogPupil> all = new ArrayList<>(first.pupils());
            next.pupils().stream().filter(p -> all.stream().noneMatch(q -> q.id().equals(p.id()))).forEach(all::add);
            all.sort(java.util.Comparator.comparingInt(p -> children.indexOf(p.id()) < 0 ? Integer.MAX_VALUE : children.indexOf(p.id())));
            return first.withPupils(all);
          });
    }
    return List.copyOf(byEvent.values());
  }

  // ---- parents -----------------------------------------------------------------------------------

  /**
   * Every message the school sent to the signed-in parent, on every channel, newest first, with
   * its text as sent and the children it was about. Messages still waiting (quiet hours, a
   * scheduled send) and cancelled ones are not listed.
   */
  public List<LogParentMessage> parentMessages(UUID guardianId) {
    requireParent(guardianId);
    return store.parentMessages(guardianId, PARENT_LIST_MAX);
  }

  /** How many of the signed-in parent's messages they have not opened. */
  public int parentUnreadCount(UUID guardianId) {
    requireParent(guardianId);
    return store.unread(guardianId);
  }

  /** Records that the signed-in parent opened their message; opening it again changes nothing. */
  public void markRead(UUID messageId) {
    SignedInUser parent = currentUser.requireParent();
    if (!store.markRead(messageId, parent.id(), OffsetDateTime.now(clock))) {
      throw new NotFoundException("Message");
    }
  }

  private void requireParent(UUID guardianId) {
    SignedInUser parent = currentUser.requireParent();
    if (!parent.id().equals(guardianId)) {
      throw new AccessDeniedException("You can only read your own messages");
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
