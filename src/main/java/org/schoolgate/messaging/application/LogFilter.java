package org.schoolgate.messaging.application;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.schoolgate.messaging.domain.Channel;

/**
 * Which entries of a timeline to show. Empty kinds mean every kind; a channel or a status limits
 * the timeline to messages and letters. Dates are school days in the school's time zone, both
 * inclusive; text is matched, ignoring case, in titles, details, message text and the family's replies.
 */
public record LogFilter(Set<LogKind> kinds, Channel channel, Status status, LocalDate from, LocalDate to, String text, int limit) {

  /** The most entries a timeline returns unless asked for fewer. */
  public static final int MAX = 500;

  /** Which messages to show by where they got to. */
  public enum Status {
    ANY("Any status"),
    /** Not delivered: for now or for good, or failed to send. */
    FAILURES("Not delivered"),
    /** Stopped part-way or uncertain: a person must check before anything is sent again. */
    NEEDS_REVIEW("Needs checking");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public LogFilter {
    kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    status = status == null ? Status.ANY : status;
    text = text == null || text.isBlank() ? null : text.strip();
    limit = limit <= 0 || limit > MAX ? MAX : limit;
  }

  /** Everything, newest first, up to {@link #MAX} entries. */
  public static LogFilter all() {
    return new LogFilter(Set.of(), null, Status.ANY, null, null, null, MAX);
  }

  public LogFilter withKinds(Set<LogKind> only) {
    return new LogFilter(only, channel, status, from, to, text, limit);
  }

  public LogFilter withChannel(Channel only) {
    return new LogFilter(kinds, only, status, from, to, text, limit);
  }

  public LogFilter withStatus(Status only) {
    return new LogFilter(kinds, channel, only, from, to, text, limit);
  }

  public LogFilter between(LocalDate first, LocalDate last) {
    return new LogFilter(kinds, channel, status, first, last, text, limit);
  }

  public LogFilter matching(String words) {
    return new LogFilter(kinds, channel, status, from, to, words, limit);
  }

  public LogFilter limitedTo(int most) {
    return new LogFilter(kinds, channel, status, from, to, text, most);
  }

  /** Whether only messages and letters can match. */
  boolean messagesOnly() {
    return channel != null || status != Status.ANY;
  }
}
