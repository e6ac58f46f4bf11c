package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.schoolgate.messaging.application.LogKind;
import org.schoolgate.messaging.application.LogPupil;

/**
 * "Log a call" / "Add note": what happened, when, about which children, and whether it is a
 * safeguarding matter. Raises {@link SaveEvent} with a {@link Draft}; it never sees a service.
 */
class LogEntryForm extends Div {

  /** The kinds staff add by hand; messages, letters and replies arrive by themselves. */
  static final List<LogKind> KINDS = List.of(LogKind.CALL, LogKind.NOTE, LogKind.VISIT, LogKind.MEETING);

  /** What the form holds, before it becomes an entry in the log. */
  static final class Draft {
    private LogKind kind = LogKind.NOTE;
    private String title = "";
    private String detail = "";
    private LocalDateTime when;
    private Set<LogPupil> pupils = new LinkedHashSet<>();
    private boolean restricted;

    LogKind getKind() {
      return kind;
    }

    void setKind(LogKind kind) {
      this.kind = kind;
    }

    String getTitle() {
      return title;
    }

    void setTitle(String title) {
      this.title = title;
    }

    String getDetail() {
      return detail;
    }

    void setDetail(String detail) {
      this.detail = detail;
    }

    LocalDateTime getWhen() {
      return when;
    }

    void setWhen(LocalDateTime when) {
      this.when = when;
    }

    Set<LogPupil> getPupils() {
      return pupils;
    }

    void setPupils(Set<LogPupil> pupils) {
      this.pupils = new LinkedHashSet<>(pupils);
    }

    boolean isRestricted() {
      return restricted;
    }

    void setRestricted(boolean restricted) {
      this.restricted = restricted;
    }
  }

  static final class SaveEvent extends ComponentEvent<LogEntryForm> {
    private final Draft draft;

    SaveEvent(LogEntryForm source, Draft draft) {
      super(source, false);
      this.draft = draft;
    }

    Draft draft() {
      return draft;
    }
  }

  final H3 heading = new H3("Add to the log");
  final Select<LogKind> kind = new Select<>();
  final DateTimePicker when = new DateTimePicker("When");
  final CheckboxGroup<LogPupil> pupils = new CheckboxGroup<>("About");
  final TextField title = new TextField("Title");
  final TextArea detail = new TextArea("Details");
  final Checkbox restricted = new Checkbox("Safeguarding: only the DSL and headteacher will see this");
  final Button save = new Button("Save to the log");
  final Button cancel = new Button("Cancel");
  private final Binder<Draft> binder = new Binder<>();
  private Draft draft = new Draft();

  LogEntryForm() {
    addClassName("sg-log-entry-form");
    kind.setLabel("What");
    kind.setItems(KINDS);
    kind.setItemLabelGenerator(LogKind::label);
    kind.setId("log-entry-kind");
    when.setId("log-entry-when");
    when.setLocale(java.util.Locale.UK);
    pupils.setItemLabelGenerator(LogPupil::name);
    pupils.setId("log-entry-pupils");
    title.setId("log-entry-title");
    title.setMaxLength(300);
    title.setPlaceholder("For example: Mum rang, medical appointment");
    title.setWidthFull();
    detail.setId("log-entry-detail");
    detail.setMaxLength(10_000);
    detail.setWidthFull();
    restricted.setId("log-entry-restricted");
    restricted.setTooltipText("Once saved, only the designated safeguarding lead and the headteacher can read it, even if you cannot.");
    save.setId("log-entry-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    cancel.setId("log-entry-cancel");

    binder.forField(kind).asRequired("Choose what happened").bind(Draft::getKind, Draft::setKind);
    binder.forField(when).asRequired("Say when it happened").bind(Draft::getWhen, Draft::setWhen);
    binder.forField(title)
        .asRequired("Give the entry a short title")
        .withValidator(t -> t.strip().length() <= 300, "The title can be at most 300 characters")
        .bind(Draft::getTitle, Draft::setTitle);
    binder.forField(detail).bind(Draft::getDetail, Draft::setDetail);
    binder.forField(pupils).bind(Draft::getPupils, Draft::setPupils);
    binder.forField(restricted).bind(Draft::isRestricted, Draft::setRestricted);

    FormLayout fields = new FormLayout(kind, when, pupils, title, detail, restricted);
    fields.setColspan(title, 2);
    fields.setColspan(detail, 2);
    fields.setColspan(restricted, 2);
    save.addClickListener(e -> save());
    add(heading, fields, new HorizontalLayout(save, cancel));
  }

  /** The children the entry may be about; the choice shows only when there is more than one. */
  void setPupils(List<LogPupil> choices) {
    pupils.setItems(choices);
    pupils.setVisible(choices.size() > 1);
  }

  /** Starts a new entry of this kind, about every child offered, happening now. */
  void start(LogKind preset, List<LogPupil> about, LocalDateTime now) {
    draft = new Draft();
    draft.setKind(preset);
    draft.setWhen(now.withSecond(0).withNano(0));
    draft.setPupils(new LinkedHashSet<>(about));
    when.setMax(now.plusMinutes(5));
    heading.setText(preset == LogKind.CALL ? "Log a call" : preset == LogKind.NOTE ? "Add a note" : "Add to the log");
    binder.readBean(draft);
  }

  private void save() {
    if (binder.writeBeanIfValid(draft)) {
      fireEvent(new SaveEvent(this, draft));
    }
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }
}
