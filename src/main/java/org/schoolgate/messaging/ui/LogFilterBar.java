package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.Optional;
import org.schoolgate.messaging.application.LogFilter;
import org.schoolgate.messaging.application.LogKind;
import org.schoolgate.messaging.domain.Channel;

/** The filters above a timeline: kinds, channel, delivery, dates and words. Calls back on every change. */
class LogFilterBar extends HorizontalLayout {

  final MultiSelectComboBox<LogKind> kinds = new MultiSelectComboBox<>("Show");
  final Select<Optional<Channel>> channel = new Select<>();
  final Select<LogFilter.Status> status = new Select<>();
  final DatePicker from = new DatePicker("From");
  final DatePicker to = new DatePicker("To");
  final TextField text = new TextField("Search");

  LogFilterBar(Runnable changed) {
    setWrap(true);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    kinds.setItems(LogKind.values());
    kinds.setItemLabelGenerator(LogKind::label);
    kinds.setPlaceholder("Everything");
    kinds.setId("log-filter-kind");
    channel.setLabel("Channel");
    channel.setItems(Optional.empty(), Optional.of(Channel.SMS), Optional.of(Channel.EMAIL), Optional.of(Channel.LETTER), Optional.of(Channel.IN_APP));
    channel.setItemLabelGenerator(c -> c.map(Channel::label).orElse("Any channel"));
    channel.setValue(Optional.empty());
    channel.setId("log-filter-channel");
    status.setLabel("Delivery");
    status.setItems(Arrays.asList(LogFilter.Status.values()));
    status.setItemLabelGenerator(LogFilter.Status::label);
    status.setValue(LogFilter.Status.ANY);
    status.setId("log-filter-status");
    from.setId("log-filter-from");
    to.setId("log-filter-to");
    from.setLocale(java.util.Locale.UK);
    to.setLocale(java.util.Locale.UK);
    text.setPlaceholder("Words in a note or message");
    text.setClearButtonVisible(true);
    text.setValueChangeMode(ValueChangeMode.LAZY);
    text.setId("log-filter-text");
    add(kinds, channel, status, from, to, text);
    kinds.addValueChangeListener(e -> changed.run());
    channel.addValueChangeListener(e -> changed.run());
    status.addValueChangeListener(e -> changed.run());
    from.addValueChangeListener(e -> changed.run());
    to.addValueChangeListener(e -> changed.run());
    text.addValueChangeListener(e -> changed.run());
  }

  LogFilter filter() {
    return LogFilter.all()
        .withKinds(kinds.getValue())
        .withChannel(channel.getValue() == null ? null : channel.getValue().orElse(null))
        .withStatus(status.getValue())
        .between(from.getValue(), to.getValue())
        .matching(text.getValue());
  }

  /** Whether anything narrows the timeline, so an empty one can say why. */
  boolean narrows() {
    LogFilter f = filter();
    return !f.kinds().isEmpty() || f.channel() != null || f.status() != LogFilter.Status.ANY || f.from() != null || f.to() != null
        || f.text() != null;
  }
}
