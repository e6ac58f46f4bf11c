package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.messaging.template.TemplateCatalog;
import org.schoolgate.messaging.template.TemplateException;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Which wording a school uses for a template: its newest copy that a senior member of staff has
 * signed off, or else Schoolgate's own wording from {@code message-templates/} (version 0). Every
 * message pins the version and hash it was rendered from.
 *
 * <p>A school's copy is written as a numbered version (a draft), submitted for sign-off, and then
 * signed off or returned by a headteacher or administrator; signing off a version replaces any
 * earlier one, and retiring goes back to Schoolgate's wording. See docs/template-overrides.md.
 * Each change is one local transaction of its own, like the MIS imports (decision 0008).
 */
@ApplicationScoped
public class SchoolTemplates {

  private static final Logger LOG = Logger.getLogger(SchoolTemplates.class.getName());

  /** The roles at a school that may write, submit and read its copies of templates. */
  public static final Set<StaffRole> EDITORS =
      EnumSet.of(
          StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.OFFICE, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  /** The roles at a school that may sign off, return or retire its copies. */
  public static final Set<StaffRole> SIGNERS = EnumSet.of(StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  /** The longest note a version keeps (the column's size). */
  static final int NOTE_LIMIT = 500;

  /** The wording in use and its version number (0: Schoolgate's own). */
  public record InUse(MessageTemplate template, int version) {}

  /** Where a version of a school's copy stands. */
  public enum State {
    /** Saved, still being worked on; never sent. */
    DRAFT("Draft"),
    /** Finished by its author and waiting for a headteacher or administrator. */
    AWAITING_SIGN_OFF("Awaiting sign-off"),
    /** Signed off: the school's messages use it (only the newest can be in this state). */
    SIGNED_OFF("Signed off, in use"),
    /** Was signed off or waiting, then a later version was signed off. */
    SUPERSEDED("Replaced by a later version"),
    /** A senior member of staff did not sign it off; the reason is in the note. */
    RETURNED("Returned, not signed off"),
    /** Was in use until the school went back to Schoolgate's wording. */
    RETIRED("Retired");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One version in a school's history of a template.
   *
   * @param authorId the member of staff who wrote it
   * @param decidedBy who signed it off or returned it (null while undecided)
   */
  public record Version(
      int version,
      State state,
      String note,
      UUID authorId,
      String author,
      OffsetDateTime writtenAt,
      String decidedBy,
      OffsetDateTime decidedAt) {}

  /** What the template list shows for one template at a school. */
  public record Standing(int inUseVersion, List<Integer> awaitingSignOff) {
    public boolean ownWording() {
      return inUseVersion > 0;
    }
  }

  private DataSource dataSource;
  private CurrentUser currentUser;
  private Clock clock;
  private volatile TemplateCatalog catalog;

  protected SchoolTemplates() {}

  /** Reading only: {@link #inUse}, {@link #ours}, {@link #all}; every other method needs a signed-in person. */
  public SchoolTemplates(DataSource dataSource) {
    this(dataSource, null, Clock.systemUTC());
  }

  @Inject
  public SchoolTemplates(DataSource dataSource, CurrentUser currentUser, Clock clock) {
    this.dataSource = dataSource;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Every template Schoolgate has, in catalogue order. */
  public List<MessageTemplate> all() {
    return List.copyOf(catalog().all());
  }

  /** The catalogue, loaded and checked once (an invalid template stops it with the reason). */
  private TemplateCatalog catalog() {
    TemplateCatalog known = catalog;
    if (known == null) {
      known = new TemplateCatalog();
      catalog = known;
    }
    return known;
  }

  /** Schoolgate's own wording of a template. */
  public MessageTemplate ours(String templateId) {
    return catalog().get(templateId);
  }

  /** The wording a school's messages are rendered from now. */
  public InUse inUse(UUID schoolId, String templateId) {
    MessageTemplate base = ours(templateId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select v.version, t.part, t.language, t.body from message_template_version v"
                    + " join message_template_text t on t.version_id = v.id"
                    + " where v.id = (select id from message_template_version where school_id = ? and template_id = ?"
                    + " and state = 'SIGNED_OFF' order by version desc fetch first 1 rows only)")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      int version = 0;
      Map<String, String> texts = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          version = rs.getInt(1);
          texts.put(MessageTemplate.key(rs.getString(2), rs.getString(3)), rs.getString(4));
        }
      }
      return version == 0 ? new InUse(base, 0) : new InUse(base.withTexts(texts), version);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the school's wording of " + templateId, e);
    }
  }

  // ---- Reading a school's copies ------------------------------------------------------------------

  /** Whether the signed-in person may write and submit the school's copies. */
  public boolean mayEdit(UUID schoolId) {
    return currentUser != null && currentUser.get().map(u -> u.isStaff() && u.hasAnyRoleAt(schoolId, EDITORS)).orElse(false);
  }

  /** Whether the signed-in person holds a role that signs off the school's copies. */
  public boolean maySignOff(UUID schoolId) {
    return currentUser != null && currentUser.get().map(u -> u.isStaff() && u.hasAnyRoleAt(schoolId, SIGNERS)).orElse(false);
  }

  /** Every version of the school's copy of a template, newest first. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<Version> versions(UUID schoolId, String templateId) {
    editor(schoolId);
    ours(templateId);
    try (Connection c = dataSource.getConnection()) {
      return versions(c, schoolId, templateId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the versions of " + templateId, e);
    }
  }

  /** For each template the school has a copy of: the version in use and any awaiting sign-off. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Map<String, Standing> standing(UUID schoolId) {
    editor(schoolId);
    Map<String, Integer> inUse = new HashMap<>();
    Map<String, List<Integer>> awaiting = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select template_id, version, state from message_template_version where school_id = ?"
                    + " and state in ('SIGNED_OFF', 'AWAITING_SIGN_OFF') order by template_id, version")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (State.SIGNED_OFF.name().equals(rs.getString(3))) {
            inUse.merge(rs.getString(1), rs.getInt(2), Math::max);
          } else {
            awaiting.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the school's templates", e);
    }
    Map<String, Standing> standing = new TreeMap<>();
    Set<String> ids = new HashSet<>(inUse.keySet());
    ids.addAll(awaiting.keySet());
    ids.forEach(id -> standing.put(id, new Standing(inUse.getOrDefault(id, 0), List.copyOf(awaiting.getOrDefault(id, List.of())))));
    return standing;
  }

  /** The wording of one version of the school's copy, to preview it or to edit from it. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public MessageTemplate draft(UUID schoolId, String templateId, int version) {
    editor(schoolId);
    MessageTemplate base = ours(templateId);
    if (version == 0) {
      return base;
    }
    try (Connection c = dataSource.getConnection()) {
      UUID id = versionId(c, schoolId, templateId, version);
      return base.withTexts(textsOf(c, id));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read version " + version + " of " + templateId, e);
    }
  }

  /**
   * Schoolgate's wording with the given texts in place of its own, for a preview of text not yet
   * saved; refuses a field the template does not have, naming the fields it does.
   */
  public MessageTemplate edited(String templateId, Map<String, String> texts) {
    MessageTemplate base = ours(templateId);
    return base.withTexts(checked(base, texts));
  }

  // ---- Writing, submitting, signing off ----------------------------------------------------------

  /**
   * Saves the school's wording as a new draft version and returns its number. {@code texts} are
   * keyed by {@link MessageTemplate#key}; a blank text keeps Schoolgate's wording for that part and
   * language. Refuses a field the template does not have (naming those it does) and stores nothing.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int saveDraft(UUID schoolId, String templateId, Map<String, String> texts, String note) {
    SignedInUser user = editor(schoolId);
    MessageTemplate base = ours(templateId);
    MessageTemplate merged = base.withTexts(checked(base, texts));
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    if (cleanNote != null && cleanNote.length() > NOTE_LIMIT) {
      throw new InvalidInputException("note", "Keep the note under " + NOTE_LIMIT + " characters");
    }
    Map<String, String> stored = ownTexts(merged);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return inTransaction("save a draft of " + templateId, c -> {
      int version = nextVersion(c, schoolId, templateId);
      UUID id = UUID.randomUUID();
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into message_template_version (id, school_id, template_id, version, state, note, created_by, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setObject(1, id);
        ps.setObject(2, schoolId);
        ps.setString(3, templateId);
        ps.setInt(4, version);
        ps.setString(5, State.DRAFT.name());
        ps.setString(6, cleanNote);
        ps.setString(7, user.id().toString());
        ps.setObject(8, now);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("insert into message_template_text (version_id, part, language, body) values (?, ?, ?, ?)")) {
        for (Map.Entry<String, String> e : stored.entrySet()) {
          String[] partAndLanguage = splitKey(e.getKey());
          ps.setObject(1, id);
          ps.setString(2, partAndLanguage[0]);
          ps.setString(3, partAndLanguage[1]);
          ps.setString(4, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      LOG.info(() -> "Template " + templateId + " version " + version + " saved as a draft at school " + schoolId);
      return version;
    });
  }

  /** Asks a headteacher or administrator to sign off a draft. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void submit(UUID schoolId, String templateId, int version) {
    editor(schoolId);
    inTransaction("submit " + templateId, c -> {
      Version v = lockedVersion(c, schoolId, templateId, version);
      if (v.state() != State.DRAFT) {
        throw new InvalidInputException("version", "Version " + version + " is " + v.state().label().toLowerCase()
            + "; only a draft can be submitted. Save a new draft to change it.");
      }
      setState(c, schoolId, templateId, v, State.AWAITING_SIGN_OFF, null, null, null);
      return null;
    });
  }

  /**
   * Signs off a version waiting for it: from now on the school's messages use it, and any earlier
   * version is replaced. Only a headteacher or administrator, and not the person who wrote it unless
   * the school has no other headteacher or administrator who can sign in.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void signOff(UUID schoolId, String templateId, int version) {
    SignedInUser user = editor(schoolId);
    boolean senior = user.hasAnyRoleAt(schoolId, SIGNERS);
    OffsetDateTime now = OffsetDateTime.now(clock);
    inTransaction("sign off " + templateId, c -> {
      Version v = lockedVersion(c, schoolId, templateId, version);
      boolean author = user.id().equals(v.authorId());
      boolean anotherSenior = author && anotherSenior(c, schoolId, user.id());
      String refusal = whyNotSignOff(senior, v.state(), author, anotherSenior, newestSignedOff(c, schoolId, templateId), version);
      if (refusal != null) {
        throw senior ? new InvalidInputException("version", refusal) : new AccessDeniedException(refusal);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update message_template_version set state = ? where school_id = ? and template_id = ? and version < ?"
                  + " and state in ('DRAFT', 'AWAITING_SIGN_OFF', 'SIGNED_OFF')")) {
        ps.setString(1, State.SUPERSEDED.name());
        ps.setObject(2, schoolId);
        ps.setString(3, templateId);
        ps.setInt(4, version);
        ps.executeUpdate();
      }
      setState(c, schoolId, templateId, v, State.SIGNED_OFF, user.id().toString(), now, null);
      LOG.info(() -> "Template " + templateId + " version " + version + " signed off at school " + schoolId + " by " + user.id());
      return null;
    });
  }

  /** Returns a version waiting for sign-off to its author, with the reason in its note. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void reject(UUID schoolId, String templateId, int version, String reason) {
    SignedInUser user = senior(schoolId, "return a template without signing it off");
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Say why it is not signed off, so the author can change it");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    inTransaction("return " + templateId, c -> {
      Version v = lockedVersion(c, schoolId, templateId, version);
      if (v.state() != State.AWAITING_SIGN_OFF) {
        throw new InvalidInputException("version", "Version " + version + " is " + v.state().label().toLowerCase()
            + ", not awaiting sign-off");
      }
      String note = noteWith(v.note(), "Not signed off by " + user.displayName() + ": " + reason.strip());
      setState(c, schoolId, templateId, v, State.RETURNED, user.id().toString(), now, note);
      return null;
    });
  }

  /** Goes back to Schoolgate's wording: the school's signed-off copy is retired and no longer used. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void retire(UUID schoolId, String templateId) {
    SignedInUser user = senior(schoolId, "go back to Schoolgate's wording");
    ours(templateId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    inTransaction("retire " + templateId, c -> {
      int inUse = newestSignedOff(c, schoolId, templateId);
      if (inUse == 0) {
        throw new InvalidInputException("version", "The school already uses Schoolgate's wording of this template");
      }
      Version v = lockedVersion(c, schoolId, templateId, inUse);
      String note = noteWith(v.note(), "Retired by " + user.displayName() + " on " + now.toLocalDate());
      try (PreparedStatement ps =
          c.prepareStatement(
              "update message_template_version set state = ?, note = ? where school_id = ? and template_id = ? and state = ?")) {
        ps.setString(1, State.RETIRED.name());
        ps.setString(2, note);
        ps.setObject(3, schoolId);
        ps.setString(4, templateId);
        ps.setString(5, State.SIGNED_OFF.name());
        ps.executeUpdate();
      }
      return null;
    });
  }

  // ---- Rules ---------------------------------------------------------------------------------------

  /**
   * Why this person may not sign off this version, or null when they may.
   *
   * @param author the person wrote the version
   * @param anotherSenior the school has another headteacher or administrator who can sign in
   * @param inUse the version the school uses now (0: Schoolgate's)
   */
  static String whyNotSignOff(boolean senior, State state, boolean author, boolean anotherSenior, int inUse, int version) {
    if (!senior) {
      return "Only the headteacher or an administrator can sign off a template";
    }
    if (state != State.AWAITING_SIGN_OFF) {
      return "Version " + version + " is " + state.label().toLowerCase() + "; only a version awaiting sign-off can be signed off";
    }
    if (author && anotherSenior) {
      return "You wrote version " + version + ", so another headteacher or administrator must sign it off";
    }
    if (version < inUse) {
      return "Version " + inUse + " is newer and already in use; version " + version + " cannot replace it";
    }
    return null;
  }

  /** The note with a line added, kept within the column's size. */
  static String noteWith(String note, String line) {
    String joined = note == null || note.isBlank() ? line : note + "\n" + line;
    if (joined.length() <= NOTE_LIMIT) {
      return joined;
    }
    int keep = Math.max(0, NOTE_LIMIT - line.length() - 2);
    String head = note == null ? "" : note.substring(0, Math.min(note.length(), keep));
    String shortened = head.isEmpty() ? line : head + "…\n" + line;
    return shortened.length() <= NOTE_LIMIT ? shortened : shortened.substring(0, NOTE_LIMIT);
  }

  /**
   * The non-blank texts, each checked: a part the template has, a portal language, and only the
   * template's own fields. The refusal names the part and language it concerns.
   */
  static Map<String, String> checked(MessageTemplate base, Map<String, String> texts) {
    Map<String, String> checked = new LinkedHashMap<>();
    Set<String> parts = new LinkedHashSet<>();
    base.channels().forEach(ch -> parts.addAll(MessageTemplate.partsOf(ch)));
    texts.forEach((key, text) -> {
      if (text == null || text.isBlank()) {
        return;
      }
      String[] partAndLanguage = splitKey(key);
      if (!parts.contains(partAndLanguage[0])) {
        throw new InvalidInputException(key, base.title() + " has no " + partAndLanguage[0] + " part");
      }
      if (!MessageTemplate.PORTAL_LANGUAGES.contains(partAndLanguage[1])) {
        throw new InvalidInputException(key, "Schoolgate does not write messages in the language " + partAndLanguage[1]);
      }
      if (partAndLanguage[0].equals("letter") && !partAndLanguage[1].equals("en")) {
        throw new InvalidInputException(key, "Letters are written in English only");
      }
      String clean = text.replace("\r\n", "\n").strip();
      try {
        base.withTexts(Map.of(key, clean));
      } catch (TemplateException e) {
        throw new InvalidInputException(key, e.getMessage());
      }
      checked.put(key, clean);
    });
    return checked;
  }

  /** {"email.subject", "pl"} from "email.subject.pl"; English has no suffix. */
  static String[] splitKey(String key) {
    for (String part : MessageTemplate.PARTS) {
      if (key.equals(part)) {
        return new String[] {part, "en"};
      }
    }
    for (String part : MessageTemplate.PARTS) {
      if (key.startsWith(part + ".") && !key.substring(part.length() + 1).contains(".")) {
        return new String[] {part, key.substring(part.length() + 1)};
      }
    }
    throw new InvalidInputException(key, "There is no part called " + key);
  }

  /** Every text a template has of its own, by key: what a version stores, so it never changes after sign-off. */
  private static Map<String, String> ownTexts(MessageTemplate template) {
    Map<String, String> own = new LinkedHashMap<>();
    for (String part : MessageTemplate.PARTS) {
      for (String language : MessageTemplate.PORTAL_LANGUAGES) {
        if (template.hasOwnText(part, language)) {
          own.put(MessageTemplate.key(part, language), template.text(part, language));
        }
      }
    }
    return own;
  }

  // ---- Permissions ---------------------------------------------------------------------------------

  private SignedInUser editor(UUID schoolId) {
    SignedInUser user = signedIn().requireStaff();
    if (!user.hasAnyRoleAt(schoolId, EDITORS)) {
      throw new AccessDeniedException("Only the office, attendance and pastoral staff and senior leaders of the school can change its templates");
    }
    return user;
  }

  private SignedInUser senior(UUID schoolId, String what) {
    SignedInUser user = signedIn().requireStaff();
    if (!user.hasAnyRoleAt(schoolId, SIGNERS)) {
      throw new AccessDeniedException("Only the headteacher or an administrator can " + what);
    }
    return user;
  }

  private CurrentUser signedIn() {
    if (currentUser == null) {
      throw new AccessDeniedException("Please sign in");
    }
    return currentUser;
  }

  // ---- SQL -----------------------------------------------------------------------------------------

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** One local transaction: all of it or none of it. */
  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      boolean committed = false;
      try {
        T result = work.run(c);
        c.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          c.rollback();
        }
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new InvalidInputException("version", "Someone else saved this template at the same moment. Please try again.");
      }
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  private static int nextVersion(Connection c, UUID schoolId, String templateId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select max(version) from message_template_version where school_id = ? and template_id = ?")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) + 1;
      }
    }
  }

  private static int newestSignedOff(Connection c, UUID schoolId, String templateId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select max(version) from message_template_version where school_id = ? and template_id = ? and state = 'SIGNED_OFF'")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Whether a headteacher or administrator other than this person, with an active account, exists at the school. */
  private static boolean anotherSenior(Connection c, UUID schoolId, UUID staffId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from role_assignment r join staff_account a on a.staff_member_id = r.staff_member_id"
                + " where r.school_id = ? and r.role in ('HEADTEACHER', 'ADMINISTRATOR') and r.staff_member_id <> ?"
                + " and a.active = true")) {
      ps.setObject(1, schoolId);
      ps.setObject(2, staffId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static final String VERSION_COLUMNS =
      "v.version, v.state, v.note, v.created_by, v.created_at, v.signed_off_by, v.signed_off_at";

  private Version lockedVersion(Connection c, UUID schoolId, String templateId, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + VERSION_COLUMNS + " from message_template_version v where v.school_id = ? and v.template_id = ?"
                + " and v.version = ? for update")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      ps.setInt(3, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Version " + version + " of this template");
        }
        return versionOf(rs);
      }
    }
  }

  private List<Version> versions(Connection c, UUID schoolId, String templateId) throws SQLException {
    List<Version> raw = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + VERSION_COLUMNS + " from message_template_version v where v.school_id = ? and v.template_id = ?"
                + " order by v.version desc")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          raw.add(versionOf(rs));
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    List<Version> named = new ArrayList<>();
    for (Version v : raw) {
      for (String id : new String[] {v.author(), v.decidedBy()}) {
        if (id != null && !names.containsKey(id)) {
          names.put(id, nameOf(c, id));
        }
      }
      named.add(new Version(v.version(), v.state(), v.note(), v.authorId(), names.get(v.author()), v.writtenAt(),
          v.decidedBy() == null ? null : names.get(v.decidedBy()), v.decidedAt()));
    }
    return named;
  }

  /** A version as stored: author and decider are staff ids until {@link #versions} names them. */
  private static Version versionOf(ResultSet rs) throws SQLException {
    String author = rs.getString(4);
    return new Version(
        rs.getInt(1),
        State.valueOf(rs.getString(2)),
        rs.getString(3),
        uuidOrNull(author),
        author,
        rs.getObject(5, OffsetDateTime.class),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class));
  }

  private static UUID uuidOrNull(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /** A member of staff's name as colleagues know it ("Mr Okafor" style: title and last name, else full name). */
  private static String nameOf(Connection c, String staffId) throws SQLException {
    UUID id = uuidOrNull(staffId);
    if (id == null) {
      return staffId;
    }
    try (PreparedStatement ps = c.prepareStatement("select title, first_name, last_name from staff_member where id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "A former member of staff";
        }
        String title = rs.getString(1);
        return (title == null || title.isBlank() ? "" : title + " ") + rs.getString(2) + " " + rs.getString(3);
      }
    }
  }

  private static UUID versionId(Connection c, UUID schoolId, String templateId, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id from message_template_version where school_id = ? and template_id = ? and version = ?")) {
      ps.setObject(1, schoolId);
      ps.setString(2, templateId);
      ps.setInt(3, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Version " + version + " of this template");
        }
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private static Map<String, String> textsOf(Connection c, UUID versionId) throws SQLException {
    Map<String, String> texts = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select part, language, body from message_template_text where version_id = ?")) {
      ps.setObject(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          texts.put(MessageTemplate.key(rs.getString(1), rs.getString(2)), rs.getString(3));
        }
      }
    }
    return texts;
  }

  /** Moves a version to a state; null decision or note keeps what the version has. */
  private static void setState(
      Connection c, UUID schoolId, String templateId, Version v, State state, String decidedBy, OffsetDateTime decidedAt,
      String note) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update message_template_version set state = ?, signed_off_by = ?, signed_off_at = ?, note = ?"
                + " where school_id = ? and template_id = ? and version = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, decidedBy == null ? v.decidedBy() : decidedBy);
      ps.setObject(3, decidedAt == null ? v.decidedAt() : decidedAt);
      ps.setString(4, note == null ? v.note() : note);
      ps.setObject(5, schoolId);
      ps.setString(6, templateId);
      ps.setInt(7, v.version());
      ps.executeUpdate();
    }
  }
}
