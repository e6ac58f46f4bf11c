package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.schoolgate.messaging.application.CommunicationLog;
import org.schoolgate.messaging.application.Letters;
import org.schoolgate.messaging.application.LogParentMessage;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.ParentOnly;
import org.schoolgate.platform.ui.ParentLanguages;
import org.schoolgate.platform.ui.ParentLayout;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Every message the school sent the signed-in parent, on every channel, newest first: new ones
 * marked, tap one to read it (which records it as read). One column, for a phone.
 */
@Route(value = "parent/messages", layout = ParentLayout.class)
@PageTitle("Schoolgate")
@ParentOnly
public class ParentMessagesView extends VerticalLayout {

  final H1 heading = new H1();
  final Paragraph summary = new Paragraph();
  final List<ParentMessageCard> cards = new ArrayList<>();

  @Inject
  public ParentMessagesView(CommunicationLog log, CurrentUser currentUser, Letters letters) {
    setPadding(false);
    setSpacing(true);
    setWidthFull();
    heading.setText(getTranslation("parent.messages.title"));
    summary.setId("parent-messages-summary");
    add(heading, summary);
    var guardianId = currentUser.requireParent().id();
    List<LogParentMessage> messages = log.parentMessages(guardianId);
    Locale locale = ParentLanguages.effective(getLocale());
    if (messages.isEmpty()) {
      summary.setText(getTranslation("parent.messages.none"));
      return;
    }
    for (LogParentMessage m : messages) {
      ParentMessageCard card =
          new ParentMessageCard(m, locale, key -> getTranslation(key), letters::pdfOf, opened -> {
            try {
              log.markRead(opened.message().id());
            } catch (NotFoundException gone) {
              // no longer theirs to mark (a contact order since); it stays readable on screen
            }
            opened.showRead();
            showSummary();
          });
      cards.add(card);
      add(card);
    }
    showSummary();
  }

  private void showSummary() {
    long unread = cards.stream().filter(c -> !c.isRead()).count();
    summary.setText(unread == 0 ? getTranslation("parent.messages.allread") : getTranslation("parent.messages.unread.count", unread));
  }
}
