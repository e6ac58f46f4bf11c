package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.schoolgate.messaging.application.LogItem;
import org.schoolgate.messaging.application.LogMessage;
import org.schoolgate.messaging.application.LogStatusEvent;
import org.schoolgate.messaging.domain.DeliveryStatus;

/** The opened line of a timeline: the whole note, or the message as sent with its delivery story. */
class LogItemDetails extends Div {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

  LogItemDetails(LogItem item, Function<UUID, byte[]> pdfOf) {
    addClassName("sg-log-details");
    setId("log-details-" + item.id());
    if (item.detail() != null) {
      add(text(item.detail()));
    }
    if (item.reply() != null) {
      add(new H4("The family's text"), new Paragraph("From " + item.reply().fromNumber() + " at " + at(item.reply().receivedAt())), text(item.reply().body()));
    }
    LogMessage m = item.message();
    if (m == null) {
      return;
    }
    add(new Paragraph(m.channelLabel() + " to " + m.destination() + (item.guardianName() == null ? "" : " (" + item.guardianName() + ")")));
    if (m.reviewReason() != null) {
      add(reason("Needs checking: " + m.reviewReason(), "log-review-reason"));
    }
    if (m.failureReason() != null) {
      add(reason("Why it failed: " + m.failureReason(), "log-failure-reason"));
    }
    add(new H4("As sent"));
    if (m.subject() != null) {
      Paragraph subject = new Paragraph("Subject: " + m.subject());
      subject.getStyle().set("font-weight", "600");
      add(subject);
    }
    Div body = text(m.body());
    body.addClassName("sg-card");
    body.setId("log-body-" + m.id());
    add(body);
    if (m.hasPdf()) {
      StreamResource pdf =
          new StreamResource("letter-" + m.id().toString().substring(0, 8) + ".pdf", () -> new ByteArrayInputStream(pdfOf.apply(m.id())));
      pdf.setContentType("application/pdf");
      Anchor download = new Anchor(pdf, "Download PDF");
      download.getElement().setAttribute("download", true);
      download.setId("log-pdf-" + m.id());
      add(download);
    }
    if (m.readAt() != null) {
      add(new Paragraph("Opened by the parent in the portal " + at(m.readAt())));
    }
    add(new H4("Delivery"));
    UnorderedList history = new UnorderedList();
    history.setId("log-history-" + m.id());
    for (LogStatusEvent e : m.history()) {
      String words = at(e.at()) + ": " + e.label();
      if (e.detail() != null) {
        words += ". " + e.detail();
      }
      if (e.providerStatus() != null) {
        words += " (provider: " + e.providerStatus() + ")";
      }
      history.add(new ListItem(words));
    }
    add(history);
  }

  /** A status as a coloured badge: green delivered, red failed, amber when someone must check. */
  static Span statusBadge(LogMessage m) {
    Span badge = new Span(m.statusLabel());
    String theme =
        m.needsReview() ? "badge contrast" : m.status().isFailure() ? "badge error" : m.status() == DeliveryStatus.DELIVERED ? "badge success"
            : m.status() == DeliveryStatus.CANCELLED ? "badge contrast" : "badge";
    badge.getElement().getThemeList().add(theme);
    badge.addClassName("sg-log-status");
    return badge;
  }

  static String at(OffsetDateTime t) {
    return t == null ? "" : WHEN.format(t.atZoneSameInstant(LONDON));
  }

  private static Div text(String s) {
    Div d = new Div();
    d.setText(s);
    d.getStyle().set("white-space", "pre-line").set("overflow-wrap", "anywhere");
    return d;
  }

  private static Paragraph reason(String s, String id) {
    Paragraph p = new Paragraph(s);
    p.getStyle().set("color", "var(--lumo-error-text-color)");
    p.setId(id);
    return p;
  }
}
