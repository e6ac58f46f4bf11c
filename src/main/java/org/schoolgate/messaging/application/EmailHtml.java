package org.schoolgate.messaging.application;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of an email: the same wording as the text part, rendered with every value
 * escaped first (a name such as {@code <b>Tom</b>} arrives as text, never as markup), then laid
 * out as short paragraphs with links made clickable, in a plain shell that reads well on a phone
 * and right to left for Arabic and Urdu.
 */
final class EmailHtml {

  private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9/#=_\\-]");

  private EmailHtml() {}

  /** The values with HTML's special characters escaped, for rendering the HTML part. */
  static Map<String, String> escaped(Map<String, String> values) {
    Map<String, String> out = new HashMap<>();
    values.forEach((k, v) -> out.put(k, escape(v)));
    return out;
  }

  static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Wraps a body rendered from escaped values: blank lines separate paragraphs, single line breaks
   * stay, addresses become links. The template's own wording is escaped here too (it may contain
   * "&" or "<"), without touching the values already escaped.
   */
  static String page(String bodyWithEscapedValues, String language, String schoolName) {
    boolean rtl = "ar".equals(language) || "ur".equals(language);
    StringBuilder html = new StringBuilder(bodyWithEscapedValues.length() * 2);
    html.append("<!DOCTYPE html><html lang=\"").append(language).append("\"").append(rtl ? " dir=\"rtl\"" : "")
        .append("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>")
        .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:600px;margin:0 auto;padding:16px\">");
    for (String paragraph : bodyWithEscapedValues.strip().split("\\n\\s*\\n")) {
      html.append("<p>").append(linked(tidy(paragraph)).replace("\n", "<br>")).append("</p>");
    }
    html.append("<p style=\"color:#6b6b6b;font-size:13px\">").append(escape(schoolName)).append("</p></body></html>");
    return html.toString();
  }

  /** Escapes a bare "&" or "<" in the template's own text, leaving entities from the values alone. */
  private static String tidy(String text) {
    return text.replaceAll("&(?!(lt|gt|amp|quot|#39);)", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("&amp;gt;", "&gt;").replace("&amp;lt;", "&lt;");
  }

  private static String linked(String text) {
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String url = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
