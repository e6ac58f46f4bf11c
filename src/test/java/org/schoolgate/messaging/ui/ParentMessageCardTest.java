package org.schoolgate.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.application.LogParentMessage;
import org.schoolgate.messaging.domain.Channel;

/** One message in a parent's list: marked new until opened, opened once, in the parent's words. */
class ParentMessageCardTest {

  private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 11, 16, 10, 15, 0, 0, ZoneOffset.UTC);
  private final List<UUID> opened = new ArrayList<>();

  @BeforeEach
  void a_browser_session() {
    MockVaadin.setup();
  }

  @AfterEach
  void closed() {
    MockVaadin.tearDown();
  }

  @Test
  void an_unread_message_is_marked_new_and_opening_it_reports_it_once() {
    LogParentMessage text = message(Channel.SMS, null, null, false);
    ParentMessageCard card = card(text);
    assertThat(card.unread.isVisible()).isTrue();

    card.setOpened(true);
    card.setOpened(false);
    card.setOpened(true);

    assertThat(opened).containsExactly(text.id());
    assertThat(card.unread.isVisible()).isFalse();
    assertThat(card.isRead()).isTrue();
  }

  @Test
  void a_message_already_read_is_not_reported_again() {
    ParentMessageCard card = card(message(Channel.EMAIL, "Absence today", SENT.plusHours(1), false));

    card.setOpened(true);

    assertThat(opened).isEmpty();
    assertThat(card.unread.isVisible()).isFalse();
  }

  @Test
  void a_text_shows_its_channel_in_the_parents_language_and_a_letter_offers_its_pdf() {
    ParentMessageCard text = card(message(Channel.SMS, null, null, false));
    ParentMessageCard letter = card(message(Channel.LETTER, "Attendance letter", null, true));

    assertThat(text.getSummary().getElement().getTextRecursively()).contains("[parent.messages.channel.SMS]");
    assertThat(text.getElement().getTextRecursively()).contains("Sam was absent this morning").contains("Sam, Yasmin");
    assertThat(text.getContent().anyMatch(c -> c.getId().orElse("").startsWith("parent-message-pdf-"))).isFalse();
    assertThat(letter.getContent().anyMatch(c -> c.getId().orElse("").startsWith("parent-message-pdf-"))).isTrue();
  }

  private ParentMessageCard card(LogParentMessage m) {
    return new ParentMessageCard(m, Locale.forLanguageTag("ar"), key -> "[" + key + "]", id -> new byte[0], c -> {
      opened.add(c.message().id());
      c.showRead();
    });
  }

  private static LogParentMessage message(Channel channel, String subject, OffsetDateTime readAt, boolean pdf) {
    return new LogParentMessage(UUID.randomUUID(), "Riverside Primary", channel, subject, "Sam was absent this morning", SENT, readAt,
        List.of("Sam", "Yasmin"), pdf);
  }
}
