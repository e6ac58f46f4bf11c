package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.schoolgate.messaging.domain.SmsLength;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.messaging.template.TemplateException;
import org.schoolgate.platform.ui.ParentLanguages;

/**
 * The wording of one template, a box per part (SMS, email subject, email, letter) and language,
 * with the fields it may use (a click adds one), the length of the text message, and the text as
 * a family would read it with the template's example values. It never sees a service: the editor
 * view reads {@link #texts()} and shows refusals with {@link #showProblem}.
 */
public class TemplateTextsForm extends VerticalLayout {

  final Select<String> part = new Select<>();
  final Select<String> language = new Select<>();
  final Map<String, TextArea> boxes = new LinkedHashMap<>();
  final Div boxHolder = new Div();
  final FlexLayout fields = new FlexLayout();
  final Span smsLength = new Span();
  final Paragraph unusedFields = new Paragraph();
  final Paragraph example = new Paragraph();
  private MessageTemplate ours;
  private Map<String, String> loaded = Map.of();

  public TemplateTextsForm() {
    setPadding(false);
    part.setLabel("Part");
    part.setId("template-part");
    part.setItemLabelGenerator(TemplateTextsForm::partLabel);
    language.setLabel("Language");
    language.setId("template-language");
    language.setItemLabelGenerator(TemplateTextsForm::languageLabel);
    fields.setId("template-fields");
    fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    fields.getStyle().set("gap", "var(--lumo-space-xs)");
    smsLength.setId("template-sms-length");
    unusedFields.setId("template-unused-fields");
    unusedFields.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
    example.setId("template-example-preview");
    example.getStyle().set("white-space", "pre-wrap").set("border-left", "3px solid var(--lumo-contrast-20pct)")
        .set("padding-left", "var(--lumo-space-m)");
    boxHolder.setWidthFull();
    part.addValueChangeListener(e -> languages());
    language.addValueChangeListener(e -> showBox());
    add(new HorizontalLayout(part, language), new Span("Fields you can use (click to add one to the text):"), fields, boxHolder,
        smsLength, unusedFields, new H3("With the example values"), example);
  }

  /**
   * Shows a wording to edit: {@code ours} is Schoolgate's template (its parts, languages, fields and
   * example values), {@code wording} the version to start from. A language without its own text is
   * left empty, which keeps the English wording for it.
   */
  public void show(MessageTemplate ours, MessageTemplate wording) {
    this.ours = ours;
    boxes.clear();
    boxHolder.removeAll();
    List<String> parts = new ArrayList<>();
    for (String p : MessageTemplate.PARTS) {
      if (ours.channels().stream().anyMatch(ch -> MessageTemplate.partsOf(ch).contains(p))) {
        parts.add(p);
        for (String lang : languagesOf(p)) {
          boxes.put(MessageTemplate.key(p, lang), box(p, lang, wording.hasOwnText(p, lang) ? wording.text(p, lang) : ""));
        }
      }
    }
    loaded = texts();
    fieldButtons();
    part.setItems(parts);
    part.setValue(parts.isEmpty() ? null : parts.get(0));
    // the same part and language as before fire no change, but the boxes are new
    languages();
    showBox();
  }

  /** Every text by {@link MessageTemplate#key}, as typed (an empty one keeps Schoolgate's wording). */
  public Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    boxes.forEach((k, box) -> texts.put(k, box.getValue()));
    return texts;
  }

  /** Whether anything was typed since {@link #show}. */
  public boolean changed() {
    return !texts().equals(loaded);
  }

  /** Marks the box a refusal concerns and shows it. */
  public void showProblem(String key, String message) {
    TextArea box = boxes.get(key);
    if (box == null) {
      return;
    }
    String[] partAndLanguage = partAndLanguage(key);
    part.setValue(partAndLanguage[0]);
    language.setValue(partAndLanguage[1]);
    box.setInvalid(true);
    box.setErrorMessage(message);
  }

  public void clearProblems() {
    boxes.values().forEach(b -> b.setInvalid(false));
  }

  /** The key of the box on show: "sms", "email.subject.pl". */
  String selectedKey() {
    return part.getValue() == null || language.getValue() == null ? null : MessageTemplate.key(part.getValue(), language.getValue());
  }

  /** Adds a field at the end of the text on show. */
  void insertField(String name) {
    TextArea box = boxes.get(selectedKey());
    if (box == null) {
      return;
    }
    box.setValue(withField(box.getValue(), name));
    box.focus();
  }

  // ---- pure helpers ------------------------------------------------------------------------------

  /** The text with {@code ((name))} added at the end, after a space when the text needs one. */
  static String withField(String text, String name) {
    String field = "((" + name + "))";
    if (text == null || text.isEmpty()) {
      return field;
    }
    return text + (Character.isWhitespace(text.charAt(text.length() - 1)) ? "" : " ") + field;
  }

  /** The languages a part is written in: letters in English only, texts and emails in the five portal languages. */
  static List<String> languagesOf(String part) {
    return part.equals("letter") ? List.of("en") : MessageTemplate.PORTAL_LANGUAGES;
  }

  static boolean rightToLeft(String language) {
    return ParentLanguages.rightToLeft(Locale.forLanguageTag(language));
  }

  /**
   * The line under the SMS box: the length of the text as typed and, when it renders, with the
   * example values (what a family would receive is usually longer than the text with its fields).
   */
  static String smsSummary(MessageTemplate ours, String language, String text) {
    String typed = "As typed: " + SmsLength.of(text).summary();
    try {
      String rendered = ours.withTexts(Map.of(MessageTemplate.key("sms", language), text)).render("sms", language, ours.exampleValues());
      return typed + ". With the example values: " + SmsLength.of(rendered).summary() + ".";
    } catch (TemplateException e) {
      return typed + ".";
    }
  }

  /** The required fields a message body does not use (a subject need not use any). */
  static List<String> unusedRequired(MessageTemplate ours, String part, String text) {
    if (part.equals("email.subject") || text == null || text.isBlank()) {
      return List.of();
    }
    return ours.required().stream().filter(f -> !text.contains("((" + f + "))") && !text.contains("((" + f + "??")).toList();
  }

  static String partLabel(String part) {
    return switch (part) {
      case "sms" -> "Text message (SMS)";
      case "email.subject" -> "Email subject";
      case "email" -> "Email";
      case "letter" -> "Letter";
      default -> part;
    };
  }

  static String languageLabel(String language) {
    return switch (language) {
      case "en" -> "English";
      case "pl" -> "Polski (Polish)";
      case "ro" -> "Română (Romanian)";
      case "ur" -> "اردو (Urdu)";
      case "ar" -> "العربية (Arabic)";
      default -> language;
    };
  }

  static String[] partAndLanguage(String key) {
    for (String p : MessageTemplate.PARTS) {
      if (key.equals(p)) {
        return new String[] {p, "en"};
      }
      if (key.startsWith(p + ".") && !key.substring(p.length() + 1).contains(".")) {
        return new String[] {p, key.substring(p.length() + 1)};
      }
    }
    return new String[] {key, "en"};
  }

  // ---- building ----------------------------------------------------------------------------------

  private TextArea box(String p, String lang, String text) {
    TextArea box = new TextArea(partLabel(p) + " · " + languageLabel(lang));
    box.setId("template-" + MessageTemplate.key(p, lang).replace('.', '-') + "-text");
    box.setWidthFull();
    box.setMinHeight(p.equals("email.subject") ? "4em" : p.equals("sms") ? "8em" : "16em");
    box.setValueChangeMode(ValueChangeMode.LAZY);
    box.setValue(text);
    if (!lang.equals("en")) {
      box.setPlaceholder("Empty: families reading " + languageLabel(lang) + " get Schoolgate's wording in this language, or the English");
    }
    if (rightToLeft(lang)) {
      box.getElement().setAttribute("dir", "rtl");
    }
    box.addValueChangeListener(e -> {
      box.setInvalid(false);
      refresh();
    });
    return box;
  }

  private void fieldButtons() {
    fields.removeAll();
    for (String name : ours.declared()) {
      Button b = new Button("((" + name + "))", e -> insertField(name));
      b.setId("template-field-" + name);
      b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
      if (ours.required().contains(name)) {
        b.setTooltipText("Always filled in");
      } else {
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.setTooltipText("May be empty for some messages");
      }
      fields.add(b);
    }
  }

  private void languages() {
    if (part.getValue() == null) {
      return;
    }
    String before = language.getValue();
    List<String> langs = languagesOf(part.getValue());
    language.setItems(langs);
    language.setValue(before != null && langs.contains(before) ? before : langs.get(0));
  }

  private void showBox() {
    boxHolder.removeAll();
    TextArea box = boxes.get(selectedKey());
    if (box != null) {
      boxHolder.add(box);
    }
    refresh();
  }

  private void refresh() {
    String key = selectedKey();
    TextArea box = key == null ? null : boxes.get(key);
    if (box == null || ours == null) {
      return;
    }
    String p = part.getValue();
    String lang = language.getValue();
    String text = box.getValue();
    String effective = text.isBlank() ? ours.text(p, lang) : text;
    smsLength.setVisible(p.equals("sms"));
    if (p.equals("sms")) {
      smsLength.setText(smsSummary(ours, lang, effective));
    }
    List<String> unused = unusedRequired(ours, p, text);
    unusedFields.setVisible(!unused.isEmpty());
    unusedFields.setText(unused.isEmpty() ? "" : "This text does not use "
        + String.join(", ", unused.stream().map(f -> "((" + f + "))").toList()) + ": check the family still gets what they need.");
    example.getElement().setAttribute("dir", rightToLeft(lang) ? "rtl" : "ltr");
    try {
      example.setText(ours.withTexts(Map.of(key, effective)).render(p, lang, ours.exampleValues()));
    } catch (TemplateException e) {
      example.setText(e.getMessage());
    }
  }
}
