package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.attendance.application.AttendanceSummaries;
import org.schoolgate.attendance.application.CodeTable;
import org.schoolgate.attendance.application.MarkStore;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.MissedLearning;
import org.schoolgate.attendance.domain.SessionLengths;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.RecipientPlan;
import org.schoolgate.messaging.domain.RecipientPlan.Contact;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;
import org.schoolgate.messaging.domain.RecipientPlan.Skipped;
import org.schoolgate.messaging.domain.SmsLength;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.messaging.template.TemplateException;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The one way anything in Schoolgate sends a message to a family. It works out who receives it
 * and by which channel, fills the template (the school's signed-off copy, or ours) with the same
 * renderer the preview uses, refuses anything incomplete or too long before a row is written,
 * leaves out what was already sent for the same purpose today, and saves the rest to the outbox
 * in one transaction with an entry in each child's communication log. The dispatcher sends them
 * after the commit.
 */
@ApplicationScoped
public class Messages {

  /** Placeholders that belong to one pupil: a message using them is never shared between siblings. */
  static final Set<String> PER_PUPIL_FIELDS =
      Set.of("attendance_pct", "absence_sessions", "days_missed", "hours_missed", "lessons_missed", "cohort_days_missed",
          "late_sessions", "pupil_legal_full_name", "tutor_group", "year_group", "attendance_band", "medical_evidence_required");

  private EntityManager em;
  private DataSource dataSource;
  private SchoolTemplates templates;
  private CurrentUser currentUser;
  private AttendanceSummaries summaries;
  private CodeTable codes;
  private Clock clock;
  private Event<MessagesQueued> queued;
  private String portalUrl;
  private int maxSmsSegments;
  private OutboxStore outbox;
  private MarkStore marks;

  protected Messages() {}

  @Inject
  public Messages(
      DataSource dataSource,
      SchoolTemplates templates,
      CurrentUser currentUser,
      AttendanceSummaries summaries,
      CodeTable codes,
      Clock clock,
      Event<MessagesQueued> queued,
      @ConfigProperty(name = "schoolgate.public-url", defaultValue = "http://localhost:8080") String publicUrl,
      @ConfigProperty(name = "schoolgate.messaging.sms-max-segments", defaultValue = "3") int maxSmsSegments) {
    this.dataSource = dataSource;
    this.templates = templates;
    this.currentUser = currentUser;
    this.summaries = summaries;
    this.codes = codes;
    this.clock = clock;
    this.queued = queued;
    this.portalUrl = publicUrl.replaceAll("/+$", "") + "/parent";
    this.maxSmsSegments = maxSmsSegments;
    this.outbox = new OutboxStore(dataSource);
    this.marks = new MarkStore(dataSource);
  }

  @PersistenceContext(unitName = "schoolgate")
  void setEntityManager(EntityManager em) {
    this.em = em;
  }

  /** One message as it will be sent: to whom, how, and its exact text. */
  public record Rendered(
      Delivery delivery, Channel channel, String language, String subject, String body, String htmlBody, SmsLength smsLength,
      Map<String, String> values) {}

  /** A preview or a send: the messages, and everyone left out with the reason. */
  public record Outcome(List<Rendered> messages, List<Skipped> skipped, List<UUID> messageIds, int templateVersion) {
    public int smsSegments() {
      return messages.stream().filter(m -> m.smsLength() != null).mapToInt(m -> m.smsLength().segments()).sum();
    }
  }

  /** What the family would receive, without saving or sending anything. */
  @Transactional
  public Outcome preview(MessageRequest request) {
    SignedInUser user = mayWriteTo(request.schoolId());
    return compose(request, user, false);
  }

  /**
   * What the family would receive if the school used {@code draft} (a copy being edited, not yet
   * signed off): the template editor's preview against a real pupil. Nothing is saved.
   */
  @Transactional
  public Outcome previewDraft(MessageRequest request, MessageTemplate draft, int draftVersion) {
    SignedInUser user = mayWriteTo(request.schoolId());
    return compose(request, user, false, user.displayName(), new SchoolTemplates.InUse(draft, draftVersion));
  }

  /** Saves the messages to the outbox; the dispatcher sends them once this transaction commits. */
  @Transactional
  public Outcome send(MessageRequest request) {
    SignedInUser user = mayWriteTo(request.schoolId());
    return compose(request, user, true);
  }

  /**
   * Sends on behalf of the school itself (a rule, a scheduled bulk send that a person already
   * approved), with no signed-in user; {@code actor} names who is accountable in the log.
   */
  @Transactional
  public Outcome sendAsSchool(MessageRequest request, String actor) {
    return compose(request, null, true, actor, templates.inUse(request.schoolId(), request.templateId()));
  }

  private Outcome compose(MessageRequest request, SignedInUser user, boolean save) {
    return compose(request, user, save, user == null ? "Schoolgate" : user.displayName());
  }

  private Outcome compose(MessageRequest request, SignedInUser user, boolean save, String actor) {
    return compose(request, user, save, actor, templates.inUse(request.schoolId(), request.templateId()));
  }

  private Outcome compose(MessageRequest request, SignedInUser user, boolean save, String actor, SchoolTemplates.InUse inUse) {
    if (request.pupilIds().isEmpty()) {
      throw new InvalidInputException("pupils", "Choose at least one pupil");
    }
    MessageTemplate template = inUse.template();
    Set<Channel> channels = channelsOf(template);
    if (request.channel() != null && request.channel() != Channel.IN_APP && !channels.contains(request.channel())) {
      throw new InvalidInputException("channel", template.title() + " has no " + request.channel().label().toLowerCase() + " version");
    }
    School school = em.find(School.class, request.schoolId());
    List<PupilGuardian> links = linksOf(request.pupilIds(), school);
    List<Contact> contacts = links.stream().map(Messages::contactOf).toList();
    List<Skipped> skipped = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    boolean perPupil = template.declared().stream().anyMatch(PER_PUPIL_FIELDS::contains);
    if (perPupil) {
      Map<UUID, List<Contact>> byPupil = new LinkedHashMap<>();
      contacts.forEach(c -> byPupil.computeIfAbsent(c.pupilId(), k -> new ArrayList<>()).add(c));
      for (List<Contact> one : byPupil.values()) {
        RecipientPlan.Plan plan = RecipientPlan.plan(one, request.channel(), channels, request.audience());
        deliveries.addAll(plan.deliveries());
        skipped.addAll(plan.skipped());
      }
    } else {
      RecipientPlan.Plan plan = RecipientPlan.plan(contacts, request.channel(), channels, request.audience());
      deliveries.addAll(plan.deliveries());
      skipped.addAll(plan.skipped());
    }
    for (UUID pupilId : request.pupilIds()) {
      if (links.stream().noneMatch(l -> l.getPupil().getId().equals(pupilId))) {
        skipped.add(new Skipped(pupilId, null, null, "No guardian is recorded for this pupil"));
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(school.zone()).toLocalDate();
    String repeatKey = request.repeatKey() == null ? today.toString() : request.repeatKey();
    if (save) {
      deliveries = withoutRepeats(deliveries, request.purpose(), repeatKey, skipped);
    }
    Map<String, String> schoolValues = MergeValues.school(school, portalUrl);
    Map<UUID, Map<String, String>> pupilValues = new HashMap<>();
    if (perPupil) {
      CodeBook book = codes.codes();
      for (PupilGuardian link : links) {
        pupilValues.computeIfAbsent(link.getPupil().getId(), id -> figuresOf(link.getPupil(), book, today));
      }
    }
    List<Rendered> rendered = new ArrayList<>();
    for (Delivery d : deliveries) {
      Map<String, String> values = new TreeMap<>(schoolValues);
      values.putAll(MergeValues.delivery(d, today));
      if (perPupil) {
        values.putAll(pupilValues.getOrDefault(d.pupilIds().get(0), Map.of()));
      }
      values.putAll(request.values());
      rendered.add(render(template, d, values));
    }
    List<UUID> ids = List.of();
    if (save && !rendered.isEmpty()) {
      ids = save(request, inUse, rendered, repeatKey, actor, now);
      queued.fire(new MessagesQueued(ids.size()));
    }
    return new Outcome(rendered, skipped, ids, inUse.version());
  }

  /** The same renderer for preview and for sending; refuses a text too long to send. */
  Rendered render(MessageTemplate template, Delivery d, Map<String, String> values) {
    String language = template.languages().contains(d.language()) ? d.language() : "en";
    Map<String, String> used = new TreeMap<>();
    values.forEach((k, v) -> {
      if (template.declared().contains(k)) {
        used.put(k, v);
      }
    });
    return switch (d.channel()) {
      case SMS -> {
        String body = template.render("sms", language, values);
        SmsLength length = SmsLength.of(body);
        if (length.segments() > maxSmsSegments) {
          throw new TemplateException(
              "This text would be " + length.segments() + " parts long (" + body.length() + " characters); the most Schoolgate sends"
                  + " is " + maxSmsSegments + ". Shorten the wording or the values.");
        }
        yield new Rendered(d, Channel.SMS, language, null, body, null, length, used);
      }
      case EMAIL -> {
        String subject = template.render("email.subject", language, values);
        String body = template.render("email", language, values);
        String html = EmailHtml.page(template.render("email", language, EmailHtml.escaped(values)), language,
            values.getOrDefault("school_name", ""));
        yield new Rendered(d, Channel.EMAIL, language, subject, body, html, null, used);
      }
      case LETTER -> new Rendered(d, Channel.LETTER, language, template.title(), template.render("letter", "en", values), null, null, used);
      case IN_APP -> {
        boolean email = template.supports("email");
        String subject = email ? template.render("email.subject", language, values) : template.title();
        String body = template.render(email ? "email" : template.supports("sms") ? "sms" : "letter", language, values);
        yield new Rendered(d, Channel.IN_APP, language, subject, body, null, null, used);
      }
    };
  }

  private List<Delivery> withoutRepeats(List<Delivery> deliveries, String purpose, String repeatKey, List<Skipped> skipped) {
    Map<String, Delivery> keys = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      for (UUID pupil : d.pupilIds()) {
        keys.put(key(purpose, d.guardianId(), pupil, repeatKey), d);
      }
    }
    Set<String> used;
    try (Connection c = dataSource.getConnection()) {
      used = outbox.usedKeys(c, keys.keySet());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check earlier messages", e);
    }
    if (used.isEmpty()) {
      return deliveries;
    }
    List<Delivery> kept = new ArrayList<>();
    for (Delivery d : deliveries) {
      List<UUID> pupils = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < d.pupilIds().size(); i++) {
        UUID pupil = d.pupilIds().get(i);
        if (used.contains(key(purpose, d.guardianId(), pupil, repeatKey))) {
          skipped.add(new Skipped(pupil, d.guardianId(), d.guardianName(), "Already sent for this purpose (" + repeatKey + ")"));
        } else {
          pupils.add(pupil);
          names.add(d.pupilFirstNames().get(i));
        }
      }
      if (!pupils.isEmpty()) {
        kept.add(new Delivery(d.channel(), d.destination(), d.language(), d.guardianId(), d.guardianName(), d.salutation(),
            d.guardianIds(), pupils, names, d.fallback()));
      }
    }
    return kept;
  }

  static String key(String purpose, UUID guardianId, UUID pupilId, String repeatKey) {
    return purpose + "|" + guardianId + "|" + pupilId + "|" + repeatKey;
  }

  private List<UUID> save(
      MessageRequest request, SchoolTemplates.InUse inUse, List<Rendered> rendered, String repeatKey, String actor, OffsetDateTime now) {
    List<OutboxStore.NewMessage> rows = new ArrayList<>();
    OffsetDateTime due = request.dueAt() == null || request.dueAt().isBefore(now) ? now : request.dueAt();
    String title = inUse.template().title();
    for (Rendered r : rendered) {
      Delivery d = r.delivery();
      List<String> keys = new ArrayList<>();
      for (UUID guardian : d.guardianIds()) {
        for (UUID pupil : d.pupilIds()) {
          keys.add(key(request.purpose(), guardian, pupil, repeatKey));
        }
      }
      rows.add(new OutboxStore.NewMessage(
          UUID.randomUUID(), request.schoolId(), d.guardianId(), r.channel(), request.purpose(), inUse.template().id(),
          inUse.version(), inUse.template().hash(), r.language(), d.destination(), r.subject(), r.body(), r.htmlBody(),
          json(r.values()), r.smsLength() == null ? null : r.smsLength().segments(),
          r.smsLength() == null ? null : r.smsLength().encoding().name(), due, request.bulkSendId(), null, actor,
          d.pupilIds(), List.copyOf(new java.util.LinkedHashSet<>(keys)),
          r.channel().label() + ": " + title + (d.fallback() ? " (instead of " + d.channel().label().toLowerCase() + ")" : "")));
    }
    try (Connection c = dataSource.getConnection()) {
      outbox.insert(c, rows, now);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState()) || String.valueOf(e.getMessage()).toLowerCase().contains("unique")) {
        throw new InvalidInputException("pupils", "Someone sent this message at the same moment; nothing was sent twice. Refresh to see it.");
      }
      throw new IllegalStateException("Could not save the messages", e);
    }
    return rows.stream().map(OutboxStore.NewMessage::id).toList();
  }

  private Map<String, String> figuresOf(Pupil pupil, CodeBook book, LocalDate today) {
    AcademicYear year = AcademicYear.containing(today);
    List<SessionMark> sessionMarks = marks.marksOf(pupil.getId(), year.start(), today).stream().map(m -> m.toSessionMark(book)).toList();
    AttendanceFigures figures = AttendanceFigures.of(sessionMarks);
    MissedLearning missed = MissedLearning.of(sessionMarks, SessionLengths.of(pupil.getSchool()));
    return MergeValues.pupil(pupil, figures, missed, summaries.comparisonsFor(pupil).withYear());
  }

  private List<PupilGuardian> linksOf(List<UUID> pupilIds, School school) {
    List<PupilGuardian> links = new ArrayList<>();
    for (int from = 0; from < pupilIds.size(); from += 500) {
      links.addAll(
          em.createQuery(
                  "select pg from PupilGuardian pg join fetch pg.pupil p join fetch pg.guardian where p.id in :ids",
                  PupilGuardian.class)
              .setParameter("ids", pupilIds.subList(from, Math.min(pupilIds.size(), from + 500)))
              .getResultList());
    }
    for (PupilGuardian link : links) {
      if (!link.getPupil().getSchool().getId().equals(school.getId())) {
        throw new AccessDeniedException("A pupil chosen is not at " + school.getName());
      }
    }
    Map<UUID, Integer> order = new HashMap<>();
    for (int i = 0; i < pupilIds.size(); i++) {
      order.putIfAbsent(pupilIds.get(i), i);
    }
    links.sort(java.util.Comparator.comparing((PupilGuardian l) -> order.getOrDefault(l.getPupil().getId(), 0))
        .thenComparingInt(PupilGuardian::getContactPriority));
    return links;
  }

  static Contact contactOf(PupilGuardian link) {
    Guardian g = link.getGuardian();
    Pupil p = link.getPupil();
    List<String> address = g.address()
        .map(a -> {
          List<String> lines = new ArrayList<>();
          lines.add(g.formalName());
          lines.addAll(a.lines());
          return lines;
        })
        .orElse(List.of());
    return new Contact(
        p.getId(), p.preferredFirstName(), g.getId(), g.formalName(), "Dear " + g.formalName(),
        g.mobile().map(m -> m.e164()).orElse(null), g.email().map(e -> e.value()).orElse(null), address,
        g.language().code(), channelOf(g.getPreferredChannel()), g.isSmsOptOut(), link.isNoContact(),
        link.hasParentalResponsibility(), link.isFlaggedForCorrespondence(), link.getContactPriority());
  }

  static Channel channelOf(ContactChannel preferred) {
    if (preferred == null) {
      return Channel.SMS;
    }
    return switch (preferred) {
      case SMS -> Channel.SMS;
      case EMAIL -> Channel.EMAIL;
      case LETTER -> Channel.LETTER;
      case APP -> Channel.IN_APP;
    };
  }

  static Set<Channel> channelsOf(MessageTemplate template) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    for (Channel c : Channel.values()) {
      if (template.supports(c.templateName())) {
        channels.add(c);
      }
    }
    return channels;
  }

  private SignedInUser mayWriteTo(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      throw new AccessDeniedException("You do not work at this school");
    }
    return user;
  }

  static String json(Map<String, String> values) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    values.forEach(b::add);
    return b.build().toString();
  }

  /** Fired when messages were saved; the dispatcher wakes once the transaction has committed. */
  public record MessagesQueued(int count) {}
}
