package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.messaging.application.InboundMessages;
import org.schoolgate.messaging.application.Letters;
import org.schoolgate.messaging.application.MessageReview;
import org.schoolgate.messaging.application.OutboundMessages;
import org.schoolgate.messaging.application.OutboundMessages.Line;
import org.schoolgate.messaging.application.OutboundMessages.Show;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.AccessDeniedException;

/**
 * A school's outgoing messages: today's summary, every message with its delivery status and
 * history, the ones that need a person (failed for good, or in review because nobody can tell
 * whether they went) with a decision for each, and the letters waiting to be printed.
 */
@Route(value = "staff/messages", layout = StaffLayout.class)
@PageTitle("Messages · Schoolgate")
@StaffOnly
public class MessagesView extends VerticalLayout {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

  final Select<School> school = new Select<>();
  final Tabs tabs = new Tabs();
  final Tab all = new Tab("All messages");
  final Tab attention = new Tab("Needs attention");
  final Tab waiting = new Tab("Waiting to send");
  final Tab letters = new Tab("Letters to print");
  final Tab replies = new Tab("Replies");
  final Grid<InboundMessages.Reply> replyGrid = new Grid<>();
  final Paragraph summary = new Paragraph();
  final Grid<Line> grid = new Grid<>();
  final Grid<Letters.QueuedLetter> letterGrid = new Grid<>();
  final Button printBatch = new Button("Print all waiting letters");
  final HorizontalLayout letterBar = new HorizontalLayout();
  private final OutboundMessages messages;
  private final MessageReview review;
  private final Letters letterQueue;
  private final InboundMessages inbound;
  private final CurrentUser currentUser;
  private final Clock clock;

  @Inject
  public MessagesView(Schools schools, OutboundMessages messages, MessageReview review, Letters letterQueue, InboundMessages inbound,
      CurrentUser currentUser, Clock clock) {
    this.inbound = inbound;
    this.messages = messages;
    this.review = review;
    this.letterQueue = letterQueue;
    this.currentUser = currentUser;
    this.clock = clock;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    school.setId("messages-school");
    summary.setId("messages-summary");
    tabs.add(replies, all, attention, waiting, letters);
    tabs.setId("messages-tabs");
    configureGrid();
    configureLetters();
    configureReplies();
    school.addValueChangeListener(e -> refresh());
    tabs.addSelectedChangeListener(e -> refresh());
    add(new H1("Messages"), school, summary, tabs, grid, replyGrid, letterBar, letterGrid);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void configureGrid() {
    grid.addColumn(l -> WHEN.format(l.createdAt().atZoneSameInstant(zone()))).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(l -> l.channel().label()).setHeader("How").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Line::title).setHeader("Message").setAutoWidth(true);
    grid.addColumn(Line::recipient).setHeader("To").setAutoWidth(true);
    grid.addColumn(Line::pupils).setHeader("About").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(MessagesView::badge)).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(l -> l.reason() == null ? "" : l.reason()).setHeader("Reason").setFlexGrow(1);
    grid.addColumn(new ComponentRenderer<>(l -> {
      Button open = new Button("Details", e -> details(l));
      open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      return open;
    })).setAutoWidth(true).setFlexGrow(0);
    grid.setId("messages-grid");
    grid.setSizeFull();
  }

  static Span badge(Line line) {
    Span badge = new Span(line.statusText());
    String theme =
        line.inReview() || line.status().isFailure() ? "badge error"
            : line.status() == DeliveryStatus.DELIVERED || line.status() == DeliveryStatus.SENT ? "badge success"
            : line.status() == DeliveryStatus.CANCELLED ? "badge contrast" : "badge";
    badge.getElement().getThemeList().add(theme);
    return badge;
  }

  private void configureLetters() {
    letterGrid.addColumn(l -> WHEN.format(l.createdAt().atZoneSameInstant(zone()))).setHeader("Created").setAutoWidth(true);
    letterGrid.addColumn(Letters.QueuedLetter::title).setHeader("Letter").setAutoWidth(true);
    letterGrid.addColumn(Letters.QueuedLetter::recipient).setHeader("To").setAutoWidth(true);
    letterGrid.addColumn(Letters.QueuedLetter::pages).setHeader("Pages").setAutoWidth(true);
    letterGrid.addColumn(new ComponentRenderer<>(l -> {
      Anchor pdf = new Anchor(new StreamResource("letter.pdf", () -> new ByteArrayInputStream(letterQueue.pdfOf(l.messageId()))), "PDF");
      pdf.setTarget("_blank");
      return pdf;
    })).setAutoWidth(true);
    letterGrid.setId("letters-grid");
    printBatch.setId("letters-print");
    printBatch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    printBatch.addClickListener(e -> print());
    letterBar.add(printBatch);
  }

  private void configureReplies() {
    replyGrid.addColumn(r -> WHEN.format(r.receivedAt().atZoneSameInstant(zone()))).setHeader("Received").setAutoWidth(true).setFlexGrow(0);
    replyGrid.addColumn(r -> r.guardianName() == null ? "Unknown number " + r.fromNumber() : r.guardianName()).setHeader("From").setAutoWidth(true);
    replyGrid.addColumn(r -> r.pupilName() == null ? "" : r.pupilName()).setHeader("About").setAutoWidth(true);
    replyGrid.addColumn(InboundMessages.Reply::body).setHeader("Message").setFlexGrow(1);
    replyGrid.addColumn(new ComponentRenderer<>(r -> {
      if (r.handledBy() != null) {
        return new Span("Dealt with by " + r.handledBy());
      }
      Button done = new Button("Dealt with", e -> {
        inbound.markHandled(school.getValue().getId(), r.id());
        refresh();
      });
      done.addThemeVariants(ButtonVariant.LUMO_SMALL);
      return done;
    })).setAutoWidth(true).setFlexGrow(0);
    replyGrid.setId("replies-grid");
    replyGrid.setSizeFull();
  }

  void refresh() {
    School s = school.getValue();
    boolean letterTab = tabs.getSelectedTab() == letters;
    boolean replyTab = tabs.getSelectedTab() == replies;
    replyGrid.setVisible(replyTab);
    grid.setVisible(!letterTab && !replyTab);
    letterGrid.setVisible(letterTab);
    letterBar.setVisible(letterTab);
    if (s == null) {
      return;
    }
    OffsetDateTime midnight = LocalDate.now(clock.withZone(s.zone())).atStartOfDay(s.zone()).toOffsetDateTime();
    Map<DeliveryStatus, Integer> today = messages.countsSince(s.getId(), midnight);
    summary.setText("Today: " + count(today, DeliveryStatus.DELIVERED) + " delivered, " + count(today, DeliveryStatus.SENT) + " sent, "
        + (count(today, DeliveryStatus.SENDING) + count(today, DeliveryStatus.CREATED)) + " on their way, "
        + (count(today, DeliveryStatus.PERMANENT_FAILURE) + count(today, DeliveryStatus.TECHNICAL_FAILURE) + count(today, DeliveryStatus.TEMPORARY_FAILURE))
        + " failed");
    if (replyTab) {
      replyGrid.setItems(inbound.inbox(s.getId(), false, 300));
      return;
    }
    if (letterTab) {
      List<Letters.QueuedLetter> queued = letterQueue.waitingToPrint(s.getId());
      letterGrid.setItems(queued);
      printBatch.setEnabled(!queued.isEmpty());
      printBatch.setText(queued.isEmpty() ? "No letters waiting" : "Print all " + queued.size() + " waiting letters");
      return;
    }
    Show show = tabs.getSelectedTab() == attention ? Show.NEEDS_ATTENTION : tabs.getSelectedTab() == waiting ? Show.WAITING : Show.ALL;
    grid.setItems(messages.recent(s.getId(), show, 500));
  }

  private static int count(Map<DeliveryStatus, Integer> counts, DeliveryStatus status) {
    return counts.getOrDefault(status, 0);
  }

  private void print() {
    School s = school.getValue();
    List<Letters.QueuedLetter> queued = letterQueue.waitingToPrint(s.getId());
    if (queued.isEmpty()) {
      return;
    }
    byte[] pdf = letterQueue.printBatch(s.getId(), queued.stream().map(Letters.QueuedLetter::messageId).toList(), currentUser.requireStaff().displayName());
    Dialog done = new Dialog();
    done.setHeaderTitle(queued.size() + " letters ready to print");
    Anchor download = new Anchor(new StreamResource("letters-" + LocalDate.now(clock) + ".pdf", () -> new ByteArrayInputStream(pdf)), "Download the print batch (PDF)");
    download.setTarget("_blank");
    download.setId("letters-batch-download");
    done.add(new Paragraph("A cover sheet lists every family; each letter starts on a new sheet. They are now marked as printed."), download);
    done.getFooter().add(new Button("Close", e -> done.close()));
    done.open();
    refresh();
  }

  private void details(Line line) {
    School s = school.getValue();
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(line.title());
    dialog.setWidth("min(640px, 100vw)");
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    body.add(new Paragraph(line.channel().label() + " to " + line.recipient() + (line.pupils().isEmpty() ? "" : ", about " + line.pupils())));
    body.add(new Pre(messages.body(s.getId(), line.id())));
    body.add(new H4("What happened"));
    for (OutboundMessages.StatusStep step : messages.history(s.getId(), line.id())) {
      body.add(new Paragraph(WHEN.format(step.at().atZoneSameInstant(zone())) + " · " + step.status().label()
          + (step.detail() == null ? "" : " · " + step.detail())));
    }
    if (line.channel() == Channel.LETTER && line.status() != DeliveryStatus.CREATED) {
      Anchor pdf = new Anchor(new StreamResource("letter.pdf", () -> new ByteArrayInputStream(letterQueue.pdfOf(line.id()))), "Open the letter (PDF)");
      pdf.setTarget("_blank");
      body.add(pdf);
    }
    dialog.add(body);
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    if (line.inReview()) {
      body.add(new Paragraph("Schoolgate cannot tell whether this reached the family, so it will not send it again by itself. "
          + "Check with the family or the provider, then decide."));
      Button again = new Button("Send it again", e -> decide(dialog, line, true));
      again.setId("review-send-again");
      Button leave = new Button("Do not send again", e -> decide(dialog, line, false));
      leave.setId("review-leave");
      again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      dialog.getFooter().add(leave, again);
    }
    dialog.open();
  }

  private void decide(Dialog dialog, Line line, boolean sendAgain) {
    try {
      review.decide(school.getValue().getId(), line.id(), sendAgain);
      Notification.show(sendAgain ? "It will be sent again" : "Marked as not to be sent again");
      dialog.close();
      refresh();
    } catch (AccessDeniedException e) {
      Notification.show(e.getMessage());
    }
  }

  private java.time.ZoneId zone() {
    School s = school.getValue();
    return s == null ? java.time.ZoneId.of("Europe/London") : s.zone();
  }
}
