package org.schoolgate.messaging.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message's wording: its declaration (channels, placeholders, languages) and a text per part
 * ({@code sms}, {@code email.subject}, {@code email}, {@code letter}) and language. The wording on
 * disk lives in {@code message-templates/<id>/}; a school's signed-off copy keeps the same
 * declaration with its own texts ({@link #withTexts}). Rendering is strict: a missing required
 * value or a placeholder the template does not declare is refused before anything is stored.
 */
public final class MessageTemplate {

  /** Where the build puts the {@code message-templates/} folder inside the WAR. */
  public static final String ROOT = "message-templates/";

  /** The parts a template may have, in the order they are shown. */
  public static final List<String> PARTS = List.of("sms", "email.subject", "email", "letter");

  /** The languages every parent-facing SMS and email is written in. */
  public static final List<String> PORTAL_LANGUAGES = List.of("en", "pl", "ro", "ur", "ar");

  /** {@code ((name))}, or {@code ((name??text))}: the text only when the value is set and not "false". */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z][a-z0-9_]*)(?:\\?\\?([^()]*))?\\)\\)");

  private final String root;
  private final String id;
  private final Properties declaration;
  private final Set<String> required;
  private final Set<String> optional;
  private final List<String> languages;
  private final List<String> channels;
  /** "part" or "part.lang" to text; English has no suffix. */
  private final Map<String, String> texts;
  private final String hash;

  private MessageTemplate(String root, String id, Properties declaration, Map<String, String> texts) {
    this.root = root;
    this.id = id;
    this.declaration = declaration;
    this.required = names(declaration.getProperty("required"));
    this.optional = names(declaration.getProperty("optional"));
    this.languages = List.copyOf(names(declaration.getProperty("languages", "en")));
    this.channels = List.copyOf(names(declaration.getProperty("channels", "")));
    this.texts = Map.copyOf(texts);
    this.hash = hashOf(declaration, texts);
  }

  /** Loads a template from disk; fails when the folder or its template.properties is missing. */
  public static MessageTemplate load(String id) {
    return load(ROOT, id);
  }

  /**
   * Loads a template from another classpath folder (ending in "/"), such as a folder of templates
   * used only by tests; fails when the folder or its template.properties is missing.
   */
  public static MessageTemplate load(String root, String id) {
    Properties declaration = properties(root, id, "template.properties");
    Map<String, String> texts = new LinkedHashMap<>();
    for (String part : PARTS) {
      for (String language : names(declaration.getProperty("languages", "en"))) {
        String text = read(root, fileName(id, part, language));
        if (text != null) {
          texts.put(key(part, language), text);
        }
      }
    }
    return new MessageTemplate(root, id, declaration, texts);
  }

  /**
   * The same template with a school's own wording for some parts and languages; parts and
   * languages not given keep this template's text. Refuses a text that uses an undeclared
   * placeholder, so a school's copy can never be saved with a field the engine cannot fill.
   */
  public MessageTemplate withTexts(Map<String, String> ownTexts) {
    Map<String, String> merged = new LinkedHashMap<>(texts);
    ownTexts.forEach(
        (k, v) -> {
          checkDeclared(k, v);
          merged.put(k, v);
        });
    return new MessageTemplate(root, id, declaration, merged);
  }

  public String id() {
    return id;
  }

  public String description() {
    return declaration.getProperty("description", id);
  }

  /** What staff call it: the letter title when it has one, else the description. */
  public String title() {
    return declaration.getProperty("letter.title", description());
  }

  /** Who reads it: "guardian" for parents and carers (the default), or "staff". */
  public String audience() {
    return declaration.getProperty("audience", "guardian");
  }

  public String category() {
    return declaration.getProperty("category", "other");
  }

  public List<String> languages() {
    return languages;
  }

  /** The channels this template is written for: sms, email, letter. */
  public List<String> channels() {
    return channels;
  }

  public boolean supports(String channel) {
    return channels.contains(channel);
  }

  public Set<String> required() {
    return required;
  }

  public Set<String> optional() {
    return optional;
  }

  /** Every placeholder the template may use. */
  public Set<String> declared() {
    Set<String> all = new LinkedHashSet<>(required);
    all.addAll(optional);
    return all;
  }

  /** A fingerprint of the declaration and every text, stored on each message sent with it. */
  public String hash() {
    return hash;
  }

  /** The parts a channel renders: sms → sms; email → subject and body; letter → letter. */
  public static List<String> partsOf(String channel) {
    return switch (channel) {
      case "sms" -> List.of("sms");
      case "email" -> List.of("email.subject", "email");
      case "letter" -> List.of("letter");
      default -> throw new IllegalArgumentException("Unknown channel " + channel);
    };
  }

  /** The sample values kept beside the template, for tests and previews. */
  public Map<String, String> exampleValues() {
    Properties example = properties(root, id, "example.properties");
    Map<String, String> values = new TreeMap<>();
    example.stringPropertyNames().forEach(k -> values.put(k, example.getProperty(k)));
    return values;
  }

  /**
   * Renders one part in a language, falling back to English when the language has no text of its
   * own. Refuses a missing required value and any placeholder the template did not declare.
   */
  public String render(String part, String language, Map<String, String> values) {
    for (String name : required) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        throw new TemplateException("Template " + id + " needs a value for ((" + name + "))");
      }
    }
    String text = text(part, language);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!required.contains(name) && !optional.contains(name)) {
        throw new TemplateException("Template " + id + "/" + part + " uses ((" + name + ")), which it does not declare");
      }
      String value = values.getOrDefault(name, "");
      if (m.group(2) != null) {
        value = value == null || value.isBlank() || value.equalsIgnoreCase("false") ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** Whether a part has its own text in this language (not the English fallback). */
  public boolean hasOwnText(String part, String language) {
    return texts.containsKey(key(part, language));
  }

  /** The unrendered text of a part in a language (English when it has none), for editing. */
  public String text(String part, String language) {
    String text = texts.get(key(part, language));
    if (text == null) {
      text = texts.get(key(part, "en"));
    }
    if (text == null) {
      throw new TemplateException("Template " + id + " has no " + part + " text");
    }
    return text;
  }

  /**
   * The placeholder names a text uses, in order of first use, whether written {@code ((name))} or
   * {@code ((name??text))}; refuses a text with a field that is not written correctly.
   */
  public static Set<String> placeholdersIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    String unclosed = PLACEHOLDER.matcher(text).replaceAll("");
    if (unclosed.contains("((") || unclosed.contains("))")) {
      throw new TemplateException("A field is not written correctly: write it as ((field_name)) or ((field_name??text))");
    }
    return names;
  }

  /** The key of a part's text in a language: "email.subject" or "email.subject.pl". */
  public static String key(String part, String language) {
    return part + (language == null || language.equals("en") ? "" : "." + language);
  }

  private void checkDeclared(String key, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!required.contains(m.group(1)) && !optional.contains(m.group(1))) {
        throw new TemplateException(
            "((" + m.group(1) + ")) is not a field of " + title() + ". Fields you can use: " + String.join(", ", declared()));
      }
    }
    String unclosed = text.replaceAll("\\(\\([a-z][a-z0-9_]*(\\?\\?[^()]*)?\\)\\)", "");
    if (unclosed.contains("((") || unclosed.contains("))")) {
      throw new TemplateException("A field is not written correctly in " + key + ": write it as ((field_name))");
    }
  }

  private static String fileName(String id, String part, String language) {
    return id + "/" + key(part, language) + ".txt";
  }

  private static String read(String root, String path) {
    InputStream in = MessageTemplate.class.getClassLoader().getResourceAsStream(root + path);
    if (in == null) {
      return null;
    }
    try (InputStream stream = in) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties properties(String root, String id, String file) {
    InputStream in = MessageTemplate.class.getClassLoader().getResourceAsStream(root + id + "/" + file);
    if (in == null) {
      throw new TemplateException("No message template " + id + " (" + root + id + "/" + file + ")");
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(reader);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hashOf(Properties declaration, Map<String, String> texts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(declaration).forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      new TreeMap<>(texts).forEach((k, v) -> digest.update((k + "\u0000" + v + "\u0000").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> names(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
