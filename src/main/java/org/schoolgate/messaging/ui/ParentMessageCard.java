package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.schoolgate.messaging.application.LogParentMessage;

/**
 * One message in a parent's list: a tappable heading (new ones marked) that opens to the text as
 * sent. Opening it the first time tells the view, which records it as read.
 */
class ParentMessageCard extends Details {

  final Span unread;
  private final Span title;
  private final LogParentMessage message;
  private boolean read;

  /**
   * @param translate the screen's translations (key to text in the parent's language)
   * @param opened called the first time an unread message is opened
   */
  ParentMessageCard(LogParentMessage message, Locale locale, UnaryOperator<String> translate, Function<UUID, byte[]> pdfOf,
      java.util.function.Consumer<ParentMessageCard> opened) {
    this.message = message;
    this.read = message.isRead();
    setId("parent-message-" + message.id());
    addClassName("sg-card");
    addClassName("sg-parent-message");
    setWidthFull();

    unread = new Span(translate.apply("parent.messages.unread"));
    unread.getElement().getThemeList().add("badge primary small");
    unread.setVisible(!read);
    unread.getStyle().set("margin-inline-end", "var(--lumo-space-s)");
    Span title = new Span(message.subject() != null ? message.subject() : translate.apply("parent.messages.channel." + message.channel().name()));
    title.getStyle().set("font-weight", read ? "400" : "700").set("overflow-wrap", "anywhere");
    Div when = new Div(new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .format(message.sentAt().atZoneSameInstant(ZoneId.of("Europe/London")))));
    when.addClassName("sg-muted");
    Div summary = new Div(unread, title, when);
    setSummary(summary);

    Div about = new Div();
    about.addClassName("sg-muted");
    about.setText(translate.apply("parent.messages.channel." + message.channel().name()) + " · " + message.schoolName()
        + (message.children().isEmpty() ? "" : " · " + String.join(", ", message.children())));
    Div body = new Div();
    body.setText(message.body());
    body.setId("parent-message-body-" + message.id());
    body.getStyle().set("white-space", "pre-line").set("overflow-wrap", "anywhere").set("margin-top", "var(--lumo-space-s)");
    add(about, body);
    if (message.hasPdf()) {
      StreamResource pdf =
          new StreamResource("letter-" + message.id().toString().substring(0, 8) + ".pdf",
              () -> new ByteArrayInputStream(pdfOf.apply(message.id())));
      pdf.setContentType("application/pdf");
      Anchor download = new Anchor(pdf, translate.apply("parent.messages.pdf"));
      download.getElement().setAttribute("download", true);
      download.addClassName("sg-touch");
      download.setId("parent-message-pdf-" + message.id());
      add(download);
    }
    addOpenedChangeListener(e -> {
      if (e.isOpened() && !read) {
        opened.accept(this);
      }
    });
    this.title = title;
  }

  LogParentMessage message() {
    return message;
  }

  boolean isRead() {
    return read;
  }

  /** Shows the message as read: the "new" mark goes, the heading is no longer bold. */
  void showRead() {
    read = true;
    unread.setVisible(false);
    title.getStyle().set("font-weight", "400");
  }
}
