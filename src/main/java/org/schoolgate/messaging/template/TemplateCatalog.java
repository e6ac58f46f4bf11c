package org.schoolgate.messaging.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.messaging.domain.SmsLength;

/**
 * Every message template the school can send, loaded once from the ids listed in
 * {@code message-templates/catalog.txt} and checked before anything is sent. Loading fails with the
 * template's id and the reason when a template declares a channel we do not know, lacks the text
 * for one of its channels, uses a field it does not declare (or declares one it never uses), still
 * contains drafting text such as {@code XXX} or {@code <<...>>}, has an example text message longer
 * than {@value #MAX_SMS_SEGMENTS} messages, or, for a message to parents by text or email, lacks a
 * translation in one of the portal languages.
 */
public final class TemplateCatalog {

  /** The longest text message we send, in network segments. */
  public static final int MAX_SMS_SEGMENTS = 3;

  /** The channels a template may declare. */
  public static final Set<String> CHANNELS = Set.of("sms", "email", "letter");

  private static final Pattern DRAFT_TEXT = Pattern.compile("(?<![A-Za-z0-9])X{2,}(?![A-Za-z0-9])");

  private final Map<String, MessageTemplate> templates;
  private final List<String> ids;

  /** Loads and checks every template listed in {@code message-templates/catalog.txt}. */
  public TemplateCatalog() {
    this(MessageTemplate.ROOT);
  }

  /**
   * Loads and checks every template listed in {@code catalog.txt} under another classpath folder
   * (ending in "/").
   */
  public TemplateCatalog(String root) {
    Map<String, MessageTemplate> loaded = new LinkedHashMap<>();
    for (String id : listedIds(root)) {
      MessageTemplate template;
      try {
        template = MessageTemplate.load(root, id);
      } catch (TemplateException e) {
        throw invalid(id, e.getMessage());
      }
      check(template);
      loaded.put(id, template);
    }
    this.templates = Map.copyOf(loaded);
    this.ids = List.copyOf(loaded.keySet());
  }

  /** Every template, in catalogue order. */
  public Collection<MessageTemplate> all() {
    return ids.stream().map(templates::get).toList();
  }

  /** Every template id, in catalogue order. */
  public List<String> ids() {
    return ids;
  }

  /** The template with this id; refuses an id the catalogue does not hold. */
  public MessageTemplate get(String id) {
    MessageTemplate template = templates.get(id);
    if (template == null) {
      throw new TemplateException(
          "There is no message template called \"" + id + "\". Templates available: " + String.join(", ", ids));
    }
    return template;
  }

  private static List<String> listedIds(String root) {
    InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(root + "catalog.txt");
    if (in == null) {
      throw new TemplateException("The list of message templates " + root + "catalog.txt is missing");
    }
    String text;
    try (InputStream stream = in) {
      text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String id = line.strip();
      if (id.isEmpty() || id.startsWith("#")) {
        continue;
      }
      if (!ids.add(id)) {
        throw invalid(id, "it is listed twice in catalog.txt");
      }
    }
    return List.copyOf(ids);
  }

  private static void check(MessageTemplate template) {
    String id = template.id();
    if (template.channels().isEmpty()) {
      throw invalid(id, "it declares no channels (write channels=sms, email or letter)");
    }
    for (String channel : template.channels()) {
      if (!CHANNELS.contains(channel)) {
        throw invalid(id, "\"" + channel + "\" is not a channel we send by (use sms, email or letter)");
      }
    }
    boolean toParents = "guardian".equals(template.audience());
    Set<String> used = new LinkedHashSet<>();
    Map<String, String> example = template.exampleValues();
    for (String channel : template.channels()) {
      List<String> languages = new ArrayList<>(template.languages());
      if (toParents && !channel.equals("letter")) {
        for (String language : MessageTemplate.PORTAL_LANGUAGES) {
          if (!languages.contains(language)) {
            throw invalid(id, "its " + channel + " goes to parents, so it needs the " + language + " translation (languages=)");
          }
        }
      }
      for (String part : MessageTemplate.partsOf(channel)) {
        List<String> needed = channel.equals("letter") ? List.of("en") : languages;
        for (String language : needed) {
          if (!template.hasOwnText(part, language)) {
            throw invalid(id, "the " + channel + " channel has no " + fileName(part, language));
          }
        }
        for (String language : languages) {
          if (template.hasOwnText(part, language)) {
            used.addAll(checkText(template, part, language));
          }
        }
        if (channel.equals("sms")) {
          for (String language : languages) {
            SmsLength length = SmsLength.of(render(template, part, language, example));
            if (length.segments() > MAX_SMS_SEGMENTS) {
              throw invalid(id, "the " + fileName(part, language) + " text with its example values is "
                  + length.summary() + "; the most we send is " + MAX_SMS_SEGMENTS);
            }
          }
        } else {
          for (String language : languages) {
            if (template.hasOwnText(part, language)) {
              render(template, part, language, example);
            }
          }
        }
      }
    }
    for (String declared : template.declared()) {
      if (!used.contains(declared)) {
        throw invalid(id, "it declares ((" + declared + ")) but no text uses it");
      }
    }
  }

  private static Set<String> checkText(MessageTemplate template, String part, String language) {
    String text = template.text(part, language);
    Set<String> names;
    try {
      names = MessageTemplate.placeholdersIn(text);
    } catch (TemplateException e) {
      throw invalid(template.id(), fileName(part, language) + ": " + e.getMessage());
    }
    for (String name : names) {
      if (!template.declared().contains(name)) {
        throw invalid(
            template.id(), fileName(part, language) + " uses ((" + name + ")), which template.properties does not declare");
      }
    }
    Matcher draft = DRAFT_TEXT.matcher(text);
    if (draft.find()) {
      throw invalid(template.id(), fileName(part, language) + " still contains the placeholder text \"" + draft.group() + "\"");
    }
    if (text.contains("<<") || text.contains(">>")) {
      throw invalid(template.id(), fileName(part, language) + " contains a <<...>> field; write fields as ((field_name))");
    }
    return names;
  }

  private static String render(MessageTemplate template, String part, String language, Map<String, String> example) {
    try {
      return template.render(part, language, example);
    } catch (TemplateException e) {
      throw invalid(template.id(), "its example.properties cannot render " + fileName(part, language) + ": " + e.getMessage());
    }
  }

  private static String fileName(String part, String language) {
    return MessageTemplate.key(part, language) + ".txt";
  }

  private static TemplateException invalid(String id, String reason) {
    return new TemplateException("Message template " + id + " cannot be used: " + reason);
  }
}
