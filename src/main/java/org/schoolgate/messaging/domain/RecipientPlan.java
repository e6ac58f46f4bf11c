package org.schoolgate.messaging.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who receives a message about some pupils, and how: the rules a school office follows by habit,
 * written down once. Guardians with a no-contact restriction are never written to; a guardian
 * without the asked-for channel falls back along SMS, then email, then letter (only to channels
 * the template is written for); guardians sharing a mobile number or an email address get one
 * message naming all their children; and every guardian left out is listed with the reason, so
 * staff see who was not reached and why.
 */
public final class RecipientPlan {

  /** Which of a pupil's guardians a message is for. */
  public enum Audience {
    /** Every guardian with parental responsibility (both separated parents hear about absence). */
    PARENTAL_RESPONSIBILITY("Everyone with parental responsibility"),
    /** Those flagged for correspondence; everyone with parental responsibility when none is flagged. */
    CORRESPONDENCE("Contacts flagged for correspondence"),
    /** The first contact only (the lowest contact priority). */
    FIRST_CONTACT("First contact only");

    private final String label;

    Audience(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One pupil-guardian link with what the school knows of how to reach the guardian. */
  public record Contact(
      UUID pupilId,
      String pupilFirstName,
      UUID guardianId,
      String guardianName,
      String salutation,
      String mobileE164,
      String email,
      List<String> addressLines,
      String language,
      Channel preferred,
      boolean smsOptOut,
      boolean noContact,
      boolean parentalResponsibility,
      boolean flaggedForCorrespondence,
      int priority) {

    public Contact {
      addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
      language = language == null || language.isBlank() ? "en" : language;
    }

    boolean canReceive(Channel channel) {
      return switch (channel) {
        case SMS -> mobileE164 != null && !smsOptOut;
        case EMAIL -> email != null;
        case LETTER -> addressLines.size() >= 3;
        case IN_APP -> true;
      };
    }

    String destination(Channel channel) {
      return switch (channel) {
        case SMS -> mobileE164;
        case EMAIL -> email.toLowerCase(java.util.Locale.ROOT);
        case LETTER -> String.join("\n", addressLines);
        case IN_APP -> "guardian:" + guardianId;
      };
    }

    String whyNot(Channel channel) {
      return switch (channel) {
        case SMS -> mobileE164 == null ? "no mobile number" : "has opted out of texts";
        case EMAIL -> "no email address";
        case LETTER -> "no complete postal address";
        case IN_APP -> "no portal";
      };
    }
  }

  /** One message to send: a destination on a channel, for one or more guardians and pupils. */
  public record Delivery(
      Channel channel, String destination, String language, UUID guardianId, String guardianName, String salutation,
      List<UUID> guardianIds, List<UUID> pupilIds, List<String> pupilFirstNames, boolean fallback) {

    /** The children's first names as a parent would say them: "Adam", "Adam and Sara", "Adam, Sara and Zoë". */
    public String pupilNames() {
      return joinNames(pupilFirstNames);
    }
  }

  /** A guardian (or a pupil with nobody) that will not receive this message, and why. */
  public record Skipped(UUID pupilId, UUID guardianId, String guardianName, String reason) {}

  /** The result: messages to send and everyone left out. */
  public record Plan(List<Delivery> deliveries, List<Skipped> skipped) {}

  private RecipientPlan() {}

  /**
   * Plans a message about the pupils of {@code contacts}.
   *
   * @param contacts every pupil-guardian link of the pupils concerned, in any order
   * @param wanted the channel asked for, or null for each guardian's own preference
   * @param templateChannels the channels the template is written for
   * @param audience which guardians of each pupil
   */
  public static Plan plan(List<Contact> contacts, Channel wanted, Set<Channel> templateChannels, Audience audience) {
    List<Skipped> skipped = new ArrayList<>();
    Map<UUID, List<Contact>> byPupil = new LinkedHashMap<>();
    for (Contact c : contacts) {
      byPupil.computeIfAbsent(c.pupilId(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Builder> byDestination = new LinkedHashMap<>();
    for (List<Contact> links : byPupil.values()) {
      List<Contact> chosen = choose(links, audience, skipped);
      if (chosen.isEmpty() && skipped.stream().noneMatch(s -> s.pupilId().equals(links.get(0).pupilId()))) {
        skipped.add(new Skipped(links.get(0).pupilId(), null, null, "No guardian is recorded for this pupil"));
      }
      for (Contact c : chosen) {
        Channel channel = channelFor(c, wanted, templateChannels);
        if (channel == null) {
          skipped.add(new Skipped(c.pupilId(), c.guardianId(), c.guardianName(), unreachable(c, wanted, templateChannels)));
          continue;
        }
        Channel first = wanted != null ? wanted : c.preferred();
        String key = channel == Channel.LETTER ? "LETTER|" + c.guardianId() : channel + "|" + c.destination(channel);
        byDestination.computeIfAbsent(key, k -> new Builder(channel, c)).add(c, channel != first);
      }
    }
    return new Plan(byDestination.values().stream().map(Builder::build).toList(), List.copyOf(skipped));
  }

  private static List<Contact> choose(List<Contact> links, Audience audience, List<Skipped> skipped) {
    List<Contact> sorted = new ArrayList<>(links);
    sorted.sort(Comparator.comparingInt(Contact::priority));
    List<Contact> allowed = new ArrayList<>();
    for (Contact c : sorted) {
      if (c.noContact()) {
        skipped.add(new Skipped(c.pupilId(), c.guardianId(), c.guardianName(), "Contact with this guardian is restricted"));
      } else {
        allowed.add(c);
      }
    }
    return switch (audience) {
      case FIRST_CONTACT -> allowed.isEmpty() ? List.of() : List.of(allowed.get(0));
      case PARENTAL_RESPONSIBILITY -> withResponsibility(allowed);
      case CORRESPONDENCE -> {
        List<Contact> flagged = allowed.stream().filter(Contact::flaggedForCorrespondence).toList();
        yield flagged.isEmpty() ? withResponsibility(allowed) : flagged;
      }
    };
  }

  /** Those with parental responsibility; the first contact when nobody has it recorded. */
  private static List<Contact> withResponsibility(List<Contact> allowed) {
    List<Contact> pr = allowed.stream().filter(Contact::parentalResponsibility).toList();
    return pr.isEmpty() && !allowed.isEmpty() ? List.of(allowed.get(0)) : pr;
  }

  /** The asked-for (or preferred) channel, else the next along SMS, email, letter that works. */
  static Channel channelFor(Contact c, Channel wanted, Set<Channel> templateChannels) {
    Channel first = wanted != null ? wanted : c.preferred() == null ? Channel.SMS : c.preferred();
    if (first == Channel.IN_APP) {
      return Channel.IN_APP;
    }
    if (templateChannels.contains(first) && c.canReceive(first)) {
      return first;
    }
    for (Channel next : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
      if (next.ordinal() > first.ordinal() && templateChannels.contains(next) && c.canReceive(next)) {
        return next;
      }
    }
    if (wanted == null) {
      for (Channel any : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
        if (templateChannels.contains(any) && c.canReceive(any)) {
          return any;
        }
      }
    }
    return null;
  }

  private static String unreachable(Contact c, Channel wanted, Set<Channel> templateChannels) {
    List<String> reasons = new ArrayList<>();
    for (Channel ch : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
      if (templateChannels.contains(ch)) {
        reasons.add(c.whyNot(ch));
      }
    }
    return "Cannot be reached by " + describe(templateChannels) + ": " + String.join(", ", reasons);
  }

  private static String describe(Set<Channel> channels) {
    List<String> names = new ArrayList<>();
    for (Channel ch : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
      if (channels.contains(ch)) {
        names.add(ch.label().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return joinNames(names).replace(" and ", " or ");
  }

  /** "Adam", "Adam and Sara", "Adam, Sara and Zoë". */
  public static String joinNames(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static final class Builder {
    private final Channel channel;
    private final Contact first;
    private final Set<UUID> guardians = new LinkedHashSet<>();
    private final Map<UUID, String> pupils = new LinkedHashMap<>();
    private boolean fallback;

    Builder(Channel channel, Contact first) {
      this.channel = channel;
      this.first = first;
    }

    Builder add(Contact c, boolean fellBack) {
      guardians.add(c.guardianId());
      pupils.putIfAbsent(c.pupilId(), c.pupilFirstName());
      fallback |= fellBack;
      return this;
    }

    Delivery build() {
      return new Delivery(
          channel, first.destination(channel), first.language(), first.guardianId(), first.guardianName(), first.salutation(),
          List.copyOf(guardians), List.copyOf(pupils.keySet()), List.copyOf(pupils.values()), fallback);
    }
  }
}
