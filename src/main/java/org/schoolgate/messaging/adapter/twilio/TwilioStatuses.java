package org.schoolgate.messaging.adapter.twilio;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.ProviderReceipt;

/**
 * Twilio's message statuses and error codes in our words. The table is in docs/sms-twilio.md; keep
 * the two together.
 */
public final class TwilioStatuses {

  /**
   * Error codes that say this number will never get this text: an invalid, unknown or landline
   * number, carrier filtering, a blocked number, or a parent who replied STOP.
   */
  static final Set<String> NUMBER_ERRORS =
      Set.of("21211", "21408", "21610", "21612", "21614", "30004", "30005", "30006", "30007");

  /** Error codes that say "not now": the phone is off or out of signal, or the carrier had a hiccup. */
  static final Set<String> TEMPORARY_ERRORS = Set.of("30001", "30003", "30008", "30009");

  private static final Map<String, String> DETAILS = Map.ofEntries(
      Map.entry("21211", "The number is not a valid phone number"),
      Map.entry("21408", "The school's Twilio account may not send texts to this country"),
      Map.entry("21610", "The parent replied STOP to the school's texts; they must reply START to get texts again"),
      Map.entry("21612", "Texts cannot reach this number from the school's number"),
      Map.entry("21614", "The number is not a mobile number"),
      Map.entry("30001", "Twilio's queue was full"),
      Map.entry("30003", "The phone was switched off or out of signal"),
      Map.entry("30004", "The number is blocked from receiving this text"),
      Map.entry("30005", "The number does not exist or is no longer in use"),
      Map.entry("30006", "The number is a landline or cannot receive texts"),
      Map.entry("30007", "The mobile network filtered the text out"),
      Map.entry("30008", "The mobile network did not say why the text was not delivered"),
      Map.entry("30009", "Part of a long text went missing"));

  private TwilioStatuses() {}

  /**
   * Our status for Twilio's status (any case) and error code (null or blank when none). A status we
   * do not know counts as still sending, so it never ends a message by mistake.
   */
  public static DeliveryStatus of(String twilioStatus, String errorCode) {
    String status = twilioStatus == null ? "" : twilioStatus.trim().toLowerCase(Locale.ROOT);
    String code = blankToNull(errorCode);
    return switch (status) {
      case "queued", "accepted", "scheduled", "sending" -> DeliveryStatus.SENDING;
      case "sent", "partially_delivered" -> DeliveryStatus.SENT;
      case "delivered", "read" -> DeliveryStatus.DELIVERED;
      case "undelivered" -> code != null && NUMBER_ERRORS.contains(code)
          ? DeliveryStatus.PERMANENT_FAILURE
          : DeliveryStatus.TEMPORARY_FAILURE;
      case "failed" -> code != null && NUMBER_ERRORS.contains(code)
          ? DeliveryStatus.PERMANENT_FAILURE
          : DeliveryStatus.TECHNICAL_FAILURE;
      case "canceled", "cancelled" -> DeliveryStatus.CANCELLED;
      default -> DeliveryStatus.SENDING;
    };
  }

  /** A receipt for one message, with Twilio's own words kept beside ours for support staff. */
  public static ProviderReceipt receipt(String reference, String twilioStatus, String errorCode) {
    String code = blankToNull(errorCode);
    String status = twilioStatus == null ? null : twilioStatus.trim().toLowerCase(Locale.ROOT);
    return new ProviderReceipt(reference, of(status, code), status, code, detail(code));
  }

  /** A sentence staff understand for a Twilio error code, or null when there is no code. */
  public static String detail(String errorCode) {
    String code = blankToNull(errorCode);
    if (code == null) {
      return null;
    }
    String known = DETAILS.get(code);
    return known != null ? known + " (Twilio error " + code + ")" : "Twilio error " + code + " (see twilio.com/docs/errors/" + code + ")";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || "0".equals(s.trim()) ? null : s.trim();
  }
}
