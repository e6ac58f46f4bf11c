package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.attendance.application.CodeTable;
import org.schoolgate.messaging.application.Messages.MessagesQueued;
import org.schoolgate.messaging.application.Messages.Outcome;
import org.schoolgate.messaging.application.Messages.Rendered;
import org.schoolgate.messaging.domain.AudienceFilter;
import org.schoolgate.messaging.domain.AudienceFilter.Period;
import org.schoolgate.messaging.domain.AudienceFilter.PupilLine;
import org.schoolgate.messaging.domain.AudienceFilter.Rule;
import org.schoolgate.messaging.domain.AudienceFilter.Selection;
import org.schoolgate.messaging.domain.AudienceFilter.Spec;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.domain.RecipientPlan.Skipped;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Messages to many families at once: choose an audience, see how many families and texts it is
 * and what it costs, send now or at a set time, watch it go, cancel what is still waiting, and see
 * what happened to each family. The messages themselves are composed and saved by {@link
 * Messages}, in batches of about {@value #BATCH_PUPILS} pupils, each batch its own transaction;
 * they are held until every batch is saved and then released together, so a send either reaches
 * its whole audience or (when saving fails part-way) none of it. docs/bulk-sends.md has the rules.
 */
@ApplicationScoped
public class BulkSends {

  private static final Logger LOG = Logger.getLogger(BulkSends.class.getName());

  /** Who may send to many families at a school. */
  public static final Set<StaffRole> SENDERS =
      EnumSet.of(StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR,
          StaffRole.OFFICE);

  /** Who may send to more than {@value #LARGE_SEND_FAMILIES} families in one go. */
  public static final Set<StaffRole> LARGE_SENDERS = EnumSet.of(StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  public static final int LARGE_SEND_FAMILIES = 100;

  /** Pupils per batch: each batch is saved in a transaction of its own. */
  static final int BATCH_PUPILS = 200;

  /** Placeholders Schoolgate fills itself (MergeValues and the pupil figures); staff never type them. */
  static final Set<String> FILLED_BY_SCHOOLGATE;

  static {
    Set<String> filled = new LinkedHashSet<>(List.of("school_name", "school_phone", "school_email", "headteacher",
        "office_contact", "portal_url", "guardian_name", "salutation", "contact_name", "pupil_first_name",
        "pupil_preferred_first_name", "absence_date", "letter_date"));
    filled.addAll(Messages.PER_PUPIL_FIELDS);
    FILLED_BY_SCHOOLGATE = Set.copyOf(filled);
  }

  private Messages messages;
  private SchoolTemplates templates;
  private CurrentUser currentUser;
  private CodeTable codes;
  private Clock clock;
  private Event<MessagesQueued> queued;
  private DataSource dataSource;
  private int smsPence;
  private int letterPence;
  private BulkSendStore store;

  protected BulkSends() {}

  @Inject
  public BulkSends(
      DataSource dataSource,
      Messages messages,
      SchoolTemplates templates,
      CurrentUser currentUser,
      CodeTable codes,
      Clock clock,
      Event<MessagesQueued> queued,
      @ConfigProperty(name = "schoolgate.messaging.sms-cost-pence", defaultValue = "4") int smsPence,
      @ConfigProperty(name = "schoolgate.messaging.letter-cost-pence", defaultValue = "85") int letterPence) {
    this.dataSource = dataSource;
    this.messages = messages;
    this.templates = templates;
    this.currentUser = currentUser;
    this.codes = codes;
    this.clock = clock;
    this.queued = queued;
    this.smsPence = smsPence;
    this.letterPence = letterPence;
    this.store = new BulkSendStore(dataSource);
  }

  // ---- records staff screens use ---------------------------------------------------------

  /**
   * A bulk send as asked for.
   *
   * @param channel the channel wanted, or null for each guardian's own preference
   * @param values the values staff typed for the template's own fields (event date, venue, ...)
   * @param scheduledFor when to send; null for now
   */
  public record BulkRequest(
      UUID schoolId, Spec audience, String templateId, Channel channel, Map<String, String> values, OffsetDateTime scheduledFor) {
    public BulkRequest {
      values = values == null ? Map.of() : Map.copyOf(values);
    }
  }

  /** The pupils an audience picks, those held back for a person's decision, and the period a 100% rule read. */
  public record BulkAudience(List<PupilLine> included, List<PupilLine> heldBack, Optional<Period> period) {}

  /** Someone who will not receive the message, and why. */
  public record BulkUnreachable(String pupil, String guardian, String reason) {}

  /** What a bulk send would do, before anything is saved. */
  public record BulkPreview(
      BulkAudience audience, int families, int texts, int emails, int letters, int portal, int smsSegments, int costPence,
      List<BulkUnreachable> unreachable, Rendered sample, String refusal) {

    public int pupils() {
      return audience.included().size();
    }

    public int messages() {
      return texts + emails + letters + portal;
    }

    public boolean maySend() {
      return refusal == null && messages() > 0;
    }

    /** "214 families, 231 texts, 262 SMS parts, about £10.48; 3 cannot be reached". */
    public String summary() {
      List<String> parts = new ArrayList<>();
      parts.add(plural(families, "family", "families"));
      if (texts > 0) {
        parts.add(plural(texts, "text", "texts"));
      }
      if (emails > 0) {
        parts.add(plural(emails, "email", "emails"));
      }
      if (letters > 0) {
        parts.add(plural(letters, "letter", "letters"));
      }
      if (portal > 0) {
        parts.add(plural(portal, "portal message", "portal messages"));
      }
      if (smsSegments > 0) {
        parts.add(plural(smsSegments, "SMS part", "SMS parts"));
      }
      String text = String.join(", ", parts) + ", about " + pounds(costPence);
      if (!unreachable.isEmpty()) {
        text += "; " + unreachable.size() + " cannot be reached";
      }
      return text;
    }
  }

  /** A bulk send that was started. */
  public record BulkStarted(UUID bulkId, BulkState state, int messages, List<BulkUnreachable> unreachable) {}

  /** How far a bulk send has got. */
  public record BulkProgress(
      UUID bulkId, BulkState state, int total, Map<DeliveryStatus, Integer> counts, OffsetDateTime scheduledFor,
      String cancelledBy) {

    public int count(DeliveryStatus status) {
      return counts.getOrDefault(status, 0);
    }

    public int waiting() {
      return count(DeliveryStatus.CREATED);
    }

    /** Messages handed over or finished: everything but those waiting and those being handed over. */
    public int handled() {
      return total - waiting() - count(DeliveryStatus.SENDING);
    }

    public boolean mayCancel() {
      return state.active() && (waiting() > 0 || state == BulkState.PREPARING);
    }
  }

  /** One message of a bulk send: who, about whom, how, and what happened. */
  public record BulkResult(
      UUID messageId, String guardian, String pupils, Channel channel, DeliveryStatus status, String reason,
      OffsetDateTime updatedAt) {}

  /** A bulk send in the list of recent ones. */
  public record BulkSummary(
      UUID id, String templateTitle, String audience, Channel channel, BulkState state, OffsetDateTime scheduledFor, int total,
      String createdBy, OffsetDateTime createdAt, Map<DeliveryStatus, Integer> counts) {}

  // ---- choosing ----------------------------------------------------------------------------

  /**
   * Templates staff can send to many families: those written for guardians, in catalogue order
   * (the sign-in code is personal to one parent and one moment, so never).
   */
  public List<MessageTemplate> templates() {
    return templates.all().stream().filter(BulkSends::forGuardians).filter(t -> !t.id().equals("sign-in-code")).toList();
  }

  /** The template's own fields staff must fill (required first, then optional), without those Schoolgate fills. */
  public static List<String> valuesToAsk(MessageTemplate template) {
    List<String> ask = new ArrayList<>();
    template.required().stream().filter(f -> !FILLED_BY_SCHOOLGATE.contains(f)).forEach(ask::add);
    template.optional().stream().filter(f -> !FILLED_BY_SCHOOLGATE.contains(f)).forEach(ask::add);
    return ask;
  }

  /** "event_date" → "Event date". */
  public static String labelOf(String field) {
    String words = field.replace('_', ' ').replace("rsvp url", "RSVP link").replace(" url", " link");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The pupils an audience picks, and those held back for a person to include deliberately. */
  public BulkAudience audience(UUID schoolId, Spec spec) {
    requireSender(schoolId);
    return choose(schoolId, spec);
  }

  private BulkAudience choose(UUID schoolId, Spec spec) {
    LocalDate today = LocalDate.now(clock.withZone(zoneOf(schoolId)));
    Optional<Period> period = Optional.empty();
    if (spec.rule().needsPeriod()) {
      period = spec.rule() == Rule.FULL_TERM
          ? AudienceFilter.term(store.calendar(schoolId), today)
          : AudienceFilter.halfTerm(store.calendar(schoolId), today);
      if (period.isEmpty()) {
        throw new InvalidInputException("filter", "The school calendar has no term yet: add this year's terms first");
      }
    }
    List<PupilLine> lines = store.pupils(schoolId, today, period.orElse(null), codes.codes());
    Selection selection = AudienceFilter.select(lines, spec);
    return new BulkAudience(selection.included(), selection.heldBack(), period);
  }

  /** Counts, cost, who cannot be reached and a sample message: nothing is saved. */
  public BulkPreview preview(BulkRequest request) {
    SignedInUser user = requireSender(request.schoolId());
    return preview(request, user, choose(request.schoolId(), request.audience()));
  }

  private BulkPreview preview(BulkRequest request, SignedInUser user, BulkAudience audience) {
    if (audience.included().isEmpty()) {
      return new BulkPreview(audience, 0, 0, 0, 0, 0, 0, 0, List.of(), null, null);
    }
    Outcome outcome = messages.preview(messageRequest(request, audience.included().stream().map(PupilLine::pupilId).toList(), null));
    Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
    outcome.messages().forEach(m -> byChannel.merge(m.channel(), 1, Integer::sum));
    int families = AudienceFilter.families(outcome.messages().stream().map(Rendered::delivery).toList());
    int segments = outcome.smsSegments();
    int letters = byChannel.getOrDefault(Channel.LETTER, 0);
    return new BulkPreview(audience, families, byChannel.getOrDefault(Channel.SMS, 0), byChannel.getOrDefault(Channel.EMAIL, 0),
        letters, byChannel.getOrDefault(Channel.IN_APP, 0), segments, segments * smsPence + letters * letterPence,
        unreachable(outcome.skipped(), audience), outcome.messages().isEmpty() ? null : outcome.messages().get(0),
        refusal(user.rolesAt(request.schoolId()), families).orElse(null));
  }

  /**
   * Why this person may not send to this many families, or empty when they may. Sending to more
   * than {@value #LARGE_SEND_FAMILIES} families needs the headteacher or an administrator.
   */
  static Optional<String> refusal(Set<StaffRole> roles, int families) {
    if (roles.stream().noneMatch(SENDERS::contains)) {
      return Optional.of("Only the office, the attendance officer, pastoral leads, the headteacher or an administrator can send"
          + " messages to many families.");
    }
    if (families > LARGE_SEND_FAMILIES && roles.stream().noneMatch(LARGE_SENDERS::contains)) {
      return Optional.of("This goes to " + families + " families. Sending to more than " + LARGE_SEND_FAMILIES
          + " families at once needs the headteacher or an administrator: ask one of them to send it, or narrow the audience.");
    }
    return Optional.empty();
  }

  // ---- sending -----------------------------------------------------------------------------

  /**
   * Saves the bulk send and its messages, batch by batch, held; then releases them all at once,
   * now or for the time chosen. Anything that stops the saving part-way cancels what was saved, so
   * no family hears from half a send.
   */
  public BulkStarted start(BulkRequest request) {
    SignedInUser user = requireSender(request.schoolId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (request.scheduledFor() != null && !request.scheduledFor().isAfter(now)) {
      throw new InvalidInputException("scheduledFor", "Choose a time in the future, or send now");
    }
    BulkAudience audience = choose(request.schoolId(), request.audience());
    if (audience.included().isEmpty()) {
      throw new InvalidInputException("audience", "No pupils match this audience, so there is nothing to send");
    }
    BulkPreview preview = preview(request, user, audience);
    if (preview.refusal() != null) {
      throw new AccessDeniedException(preview.refusal());
    }
    if (preview.messages() == 0) {
      throw new InvalidInputException("audience", "Nobody in this audience can be reached, so there is nothing to send");
    }
    UUID id = UUID.randomUUID();
    String description = request.audience().describe(audience.heldBack().size(),
        (int) audience.included().stream().filter(PupilLine::needsDecision).count());
    store.insert(new BulkSendStore.Row(id, request.schoolId(), request.templateId(), description,
        request.channel() == null ? "PREFERRED" : request.channel().name(), BulkState.PREPARING,
        request.scheduledFor() == null ? now : request.scheduledFor(), 0, user.displayName(), now, null, null));
    List<UUID> pupilIds = audience.included().stream().map(PupilLine::pupilId).toList();
    List<List<UUID>> batches = AudienceFilter.batches(pupilIds, store.contacts(request.schoolId()), BATCH_PUPILS);
    List<Skipped> skipped = new ArrayList<>();
    try {
      for (List<UUID> batch : batches) {
        if (store.find(id).state() != BulkState.PREPARING) {
          LOG.log(Level.INFO, "Bulk send {0} was cancelled while it was being saved", id);
          return new BulkStarted(id, BulkState.CANCELLED, 0, unreachable(skipped, audience));
        }
        Outcome saved = messages.send(messageRequest(request, batch, BulkSendStore.HELD).inBulkSend(id));
        skipped.addAll(saved.skipped());
      }
    } catch (RuntimeException e) {
      store.stop(id, BulkState.FAILED, "Schoolgate",
          "Not sent: the bulk send could not be saved in full, so none of it was sent", OffsetDateTime.now(clock));
      LOG.log(Level.WARNING, "Bulk send {0} stopped while saving; everything it saved was cancelled", id);
      throw e;
    }
    OffsetDateTime due = request.scheduledFor() == null ? now : request.scheduledFor();
    BulkState state = request.scheduledFor() == null ? BulkState.SENDING : BulkState.SCHEDULED;
    if (!store.release(id, due, state, OffsetDateTime.now(clock))) {
      return new BulkStarted(id, BulkState.CANCELLED, 0, unreachable(skipped, audience));
    }
    BulkProgress progress = progressOf(store.find(id));
    if (state == BulkState.SENDING) {
      queued.fire(new MessagesQueued(progress.total()));
    }
    LOG.log(Level.INFO, "Bulk send {0} released: {1} messages", new Object[] {id, progress.total()});
    return new BulkStarted(id, state, progress.total(), unreachable(skipped, audience));
  }

  private static MessageRequest messageRequest(BulkRequest request, List<UUID> pupils, OffsetDateTime dueAt) {
    Map<String, String> values = new HashMap<>();
    request.values().forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        values.put(k, v.strip());
      }
    });
    return new MessageRequest(request.schoolId(), request.templateId(), request.templateId(), pupils, request.channel(),
        request.audience().recipients(), values, null, dueAt, null);
  }

  // ---- watching ----------------------------------------------------------------------------

  public BulkProgress progress(UUID bulkId) {
    BulkSendStore.Row row = store.find(bulkId);
    requireSender(row.schoolId());
    return progressOf(row);
  }

  private BulkProgress progressOf(BulkSendStore.Row row) {
    Map<DeliveryStatus, Integer> counts = store.counts(row.id());
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    return new BulkProgress(row.id(), BulkState.shown(row.state(), counts, row.scheduledFor(), OffsetDateTime.now(clock)), total,
        counts, row.scheduledFor(), row.cancelledBy());
  }

  /**
   * Stops a bulk send: messages still waiting are cancelled with a status event naming who
   * cancelled; messages already handed to a provider or printed stay as they are.
   */
  public BulkProgress cancel(UUID bulkId) {
    BulkSendStore.Row row = store.find(bulkId);
    SignedInUser user = requireSender(row.schoolId());
    if (!row.state().active()) {
      throw new InvalidInputException("bulk", "This bulk send is already " + row.state().label().toLowerCase(Locale.ROOT));
    }
    int stopped = store.stop(bulkId, BulkState.CANCELLED, user.displayName(),
        "Cancelled by " + user.displayName() + " before it was sent (the bulk send was cancelled)", OffsetDateTime.now(clock));
    LOG.log(Level.INFO, "Bulk send {0} cancelled: {1} messages stopped", new Object[] {bulkId, stopped});
    return progressOf(store.find(bulkId));
  }

  /** Every message of a bulk send with its outcome, by guardian. */
  public List<BulkResult> results(UUID bulkId) {
    BulkSendStore.Row row = store.find(bulkId);
    requireSender(row.schoolId());
    return store.results(bulkId).stream()
        .map(r -> new BulkResult(r.messageId(), r.guardianName(), String.join(", ", r.pupils()), r.channel(), r.status(),
            r.reason(), r.updatedAt()))
        .toList();
  }

  /** The school's most recent bulk sends, newest first. */
  public List<BulkSummary> recent(UUID schoolId) {
    requireSender(schoolId);
    List<BulkSendStore.Row> rows = store.recent(schoolId, 20);
    Map<UUID, Map<DeliveryStatus, Integer>> counts = store.counts(rows.stream().map(BulkSendStore.Row::id).toList());
    OffsetDateTime now = OffsetDateTime.now(clock);
    return rows.stream().map(r -> {
      Map<DeliveryStatus, Integer> c = counts.getOrDefault(r.id(), Map.of());
      return new BulkSummary(r.id(), titleOf(r.templateId()), r.audience(),
          r.channel().equals("PREFERRED") ? null : Channel.valueOf(r.channel()), BulkState.shown(r.state(), c, r.scheduledFor(), now),
          r.scheduledFor(), c.values().stream().mapToInt(Integer::intValue).sum(), r.createdBy(), r.createdAt(), c);
    }).toList();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String titleOf(String templateId) {
    try {
      return templates.ours(templateId).title();
    } catch (RuntimeException gone) {
      return templateId;
    }
  }

  private List<BulkUnreachable> unreachable(List<Skipped> skipped, BulkAudience audience) {
    Map<UUID, String> names = new HashMap<>();
    audience.included().forEach(l -> names.put(l.pupilId(), l.name()));
    return skipped.stream()
        .map(s -> new BulkUnreachable(names.getOrDefault(s.pupilId(), ""), s.guardianName() == null ? "" : s.guardianName(),
            s.reason()))
        .toList();
  }

  private SignedInUser requireSender(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    if (!user.hasAnyRoleAt(schoolId, SENDERS)) {
      throw new AccessDeniedException(
          "Only the office, the attendance officer, pastoral leads, the headteacher or an administrator can send messages to many"
              + " families");
    }
    return user;
  }

  private ZoneId zoneOf(UUID schoolId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select time_zone from school where id = ?")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new org.schoolgate.platform.validation.NotFoundException("School");
        }
        return ZoneId.of(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read school " + schoolId, e);
    }
  }

  /**
   * Whether a template is written for guardians ({@code audience=guardian} in its
   * template.properties, the default).
   */
  static boolean forGuardians(MessageTemplate template) {
    try (InputStream in = BulkSends.class.getClassLoader()
        .getResourceAsStream(MessageTemplate.ROOT + template.id() + "/template.properties")) {
      if (in == null) {
        return true;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return "guardian".equals(p.getProperty("audience", "guardian").strip());
    } catch (IOException e) {
      return true;
    }
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** 1048 → "£10.48". */
  static String pounds(int pence) {
    return "£" + pence / 100 + "." + String.format("%02d", pence % 100);
  }
}
