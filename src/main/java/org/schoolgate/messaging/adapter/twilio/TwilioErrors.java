package org.schoolgate.messaging.adapter.twilio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.DeliveryFailure.Kind;

/**
 * What a failed send means, in our words: whether Twilio refused this number for good, whether
 * nothing was sent and trying later may work, or whether the text may have gone. The table is in
 * docs/sms-twilio.md.
 *
 * <p>Reasons are shown to office staff and may name the number; the exception is never logged with
 * its message.
 */
final class TwilioErrors {

  /** Errors in the school's Twilio set-up (account, token, sender), not in this text or number. */
  static final Set<Integer> SETUP_ERRORS = Set.of(20003, 20404, 21606, 21659, 21660);

  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

  private TwilioErrors() {}

  static DeliveryFailure failureOf(TwilioException e, String toE164) {
    if (e instanceof ApiException api && api.getStatusCode() != null) {
      // Twilio's own message often repeats the number; keep it out of anything that might be logged.
      return refused(api.getStatusCode(), api.getCode(), toE164);
    }
    return notAnswered(e);
  }

  /** Twilio answered, with an HTTP error status and usually its own error code. */
  static DeliveryFailure refused(int http, Integer twilioCode, String toE164) {
    String code = twilioCode != null ? twilioCode.toString() : "HTTP " + http;
    String number = display(toE164);
    if (twilioCode != null) {
      switch (twilioCode) {
        case 21211:
          return permanent("The number " + number + " is not a valid mobile number", code);
        case 21614:
          return permanent("The number " + number + " is not a mobile number, so it cannot receive texts", code);
        case 21610:
          return permanent("The number " + number + " has replied STOP to the school's texts, so Twilio will not send to it"
              + " until it replies START", code);
        case 21612:
          return permanent("Texts cannot reach " + number + " from the school's number", code);
        case 21408:
          return permanent("The school's Twilio account is not allowed to send texts to the country of " + number, code);
        case 21602:
          return permanent("The text is empty, so Twilio refused it", code);
        case 21617:
          return permanent("The text is too long for Twilio (more than 1,600 characters)", code);
        default:
          break;
      }
    }
    if (http == 429 || (twilioCode != null && twilioCode == 20429)) {
      return new DeliveryFailure("Twilio asked us to slow down (too many texts at once); nothing was sent", Kind.RETRYABLE, code, null);
    }
    if (http >= 500) {
      return new DeliveryFailure("Twilio had a problem of its own (HTTP " + http + "); nothing was sent", Kind.RETRYABLE, code, null);
    }
    if (http == 401 || http == 403 || http == 404 || (twilioCode != null && SETUP_ERRORS.contains(twilioCode))) {
      // Nothing was sent, so trying again is safe, and the text goes once an administrator has fixed
      // the set-up. Marking it "could not be delivered" would blame the parent's number and end it.
      return new DeliveryFailure("Twilio did not accept the school's Twilio set-up (" + code + "), so nothing was sent."
          + " An administrator must check the Twilio account, auth token and sender; texts wait and are tried again.",
          Kind.RETRYABLE, code, null);
    }
    return permanent("Twilio refused this text (" + (twilioCode != null ? "Twilio error " + twilioCode
        + ", see twilio.com/docs/errors/" + twilioCode : "HTTP " + http) + ")", code);
  }

  /** No answer came back: either nothing left us, or the text may have gone. */
  static DeliveryFailure notAnswered(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectTimeoutException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof ConnectionRequestTimeoutException
          || t instanceof SSLHandshakeException) {
        return new DeliveryFailure("Could not reach Twilio (" + t.getClass().getSimpleName() + "); nothing was sent",
            Kind.RETRYABLE, null, e);
      }
      if (t instanceof SocketTimeoutException) {
        return new DeliveryFailure("Twilio did not answer in time; the text may have been sent", Kind.OUTCOME_UNKNOWN, null, e);
      }
    }
    if (e instanceof ApiConnectionException && e.getCause() == null) {
      return new DeliveryFailure("Could not reach Twilio; nothing was sent", Kind.RETRYABLE, null, e);
    }
    return new DeliveryFailure("The connection to Twilio broke after the text was handed over; the text may have been sent",
        Kind.OUTCOME_UNKNOWN, null, e);
  }

  /** Whether a provider code from {@link #refused} points at the school's Twilio set-up. */
  static boolean isSetupProblem(String providerCode) {
    return switch (providerCode) {
      case "HTTP 401", "HTTP 403", "HTTP 404" -> true;
      default -> providerCode.matches("[0-9]+") && SETUP_ERRORS.contains(Integer.valueOf(providerCode));
    };
  }

  private static DeliveryFailure permanent(String reason, String code) {
    return new DeliveryFailure(reason, Kind.PERMANENT, code, null);
  }

  /** The number as the school writes it: "07911 123456" for UK numbers, "+33 6 12 34 56 78" otherwise. */
  static String display(String e164) {
    if (e164 == null) {
      return "(none)";
    }
    try {
      var number = NUMBERS.parse(e164, "GB");
      return number.getCountryCode() == 44
          ? NUMBERS.format(number, PhoneNumberFormat.NATIONAL)
          : NUMBERS.format(number, PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
