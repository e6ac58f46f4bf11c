package org.schoolgate.messaging.port;

import java.util.Locale;
import java.util.Set;

/**
 * A text a parent sent to the school's number: the provider's reference, both numbers in E.164
 * form, the text as written, and whether the whole text is one of the standard opt-out keywords.
 */
public record InboundSms(String reference, String fromE164, String toE164, String body, Keyword keyword) {

  /**
   * What the text asks for, when the whole of it is one of the keywords UK and US carriers and
   * Twilio act on; anything else, however close ("stop please"), is {@link #OTHER}.
   */
  public enum Keyword {
    /** STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: no more texts to this number. */
    STOP,
    /** START, YES, UNSTOP: texts may be sent again. */
    START,
    /** HELP, INFO: the parent asks who is texting them. */
    HELP,
    /** An ordinary reply for the office to read. */
    OTHER;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    /** The keyword a whole text is, ignoring case and surrounding spaces. */
    public static Keyword of(String body) {
      if (body == null) {
        return OTHER;
      }
      String word = body.strip().toUpperCase(Locale.ROOT);
      if (STOP_WORDS.contains(word)) {
        return STOP;
      }
      if (START_WORDS.contains(word)) {
        return START;
      }
      return HELP_WORDS.contains(word) ? HELP : OTHER;
    }
  }
}
