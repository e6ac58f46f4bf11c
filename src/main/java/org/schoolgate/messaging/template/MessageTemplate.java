package org.schoolgate.messaging.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message's wording, read from {@code message-templates/<id>/} on the classpath: its declared
 * placeholders and languages, and a text file per part ({@code sms}, {@code email.subject},
 * {@code email}) and language. Rendering is strict: a missing or undeclared placeholder is refused
 * before anything is sent.
 */
public final class MessageTemplate {

  /** Where the build puts the {@code message-templates/} folder inside the WAR. */
  public static final String ROOT = "message-templates/";

  /** {@code ((name))}, or {@code ((name??text))}: the text only when the value is set and not "false". */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z][a-z0-9_]*)(?:\\?\\?([^()]*))?\\)\\)");

  private final String id;
  private final Set<String> required;
  private final Set<String> optional;
  private final List<String> languages;

  private MessageTemplate(String id, Set<String> required, Set<String> optional, List<String> languages) {
    this.id = id;
    this.required = required;
    this.optional = optional;
    this.languages = languages;
  }

  /** Loads a template's declaration; fails when the folder or its template.properties is missing. */
  public static MessageTemplate load(String id) {
    Properties declaration = properties(id, "template.properties");
    return new MessageTemplate(
        id,
        names(declaration.getProperty("required")),
        names(declaration.getProperty("optional")),
        List.copyOf(names(declaration.getProperty("languages", "en"))));
  }

  public String id() {
    return id;
  }

  public List<String> languages() {
    return languages;
  }

  /** The sample values kept beside the template, for tests and previews. */
  public Map<String, String> exampleValues() {
    Properties example = properties(id, "example.properties");
    return example.stringPropertyNames().stream()
        .collect(java.util.stream.Collectors.toMap(k -> k, example::getProperty));
  }

  /**
   * Renders one part in a language, falling back to English when the language has no file of
   * its own. Refuses a missing required value and any placeholder the template did not declare.
   */
  public String render(String part, String language, Map<String, String> values) {
    for (String name : required) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Template " + id + " needs a value for ((" + name + "))");
      }
    }
    String text = text(part, language);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!required.contains(name) && !optional.contains(name)) {
        throw new IllegalStateException("Template " + id + "/" + part + " uses ((" + name + ")), which it does not declare");
      }
      String value = values.getOrDefault(name, "");
      if (m.group(2) != null) {
        value = value.isBlank() || value.equalsIgnoreCase("false") ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** Whether a part has its own file in this language (not the English fallback). */
  public boolean hasOwnText(String part, String language) {
    return resource(fileName(part, language)) != null;
  }

  private String text(String part, String language) {
    String localised = fileName(part, language);
    InputStream in = resource(localised);
    if (in == null) {
      in = resource(fileName(part, "en"));
    }
    if (in == null) {
      throw new IllegalStateException("Template " + id + " has no " + part + " text");
    }
    try (InputStream stream = in) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String fileName(String part, String language) {
    return id + "/" + part + (language == null || language.equals("en") ? "" : "." + language) + ".txt";
  }

  private static InputStream resource(String path) {
    return MessageTemplate.class.getClassLoader().getResourceAsStream(ROOT + path);
  }

  private static Properties properties(String id, String file) {
    InputStream in = resource(id + "/" + file);
    if (in == null) {
      throw new IllegalStateException("No message template " + id + " (" + ROOT + id + "/" + file + ")");
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(reader);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> names(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
