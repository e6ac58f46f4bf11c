package org.schoolgate.messaging.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolgate.messaging.domain.DeliveryStatus;

class TwilioStatusesTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "queued,      none,  SENDING",
      "accepted,    none,  SENDING",
      "scheduled,   none,  SENDING",
      "sending,     none,  SENDING",
      "sent,        none,  SENT",
      "delivered,   none,  DELIVERED",
      "read,        none,  DELIVERED",
      "DELIVERED,   none,  DELIVERED",
      "undelivered, 30003, TEMPORARY_FAILURE",
      "undelivered, 30008, TEMPORARY_FAILURE",
      "undelivered, none,  TEMPORARY_FAILURE",
      "undelivered, 30005, PERMANENT_FAILURE",
      "undelivered, 30006, PERMANENT_FAILURE",
      "undelivered, 30007, PERMANENT_FAILURE",
      "undelivered, 21610, PERMANENT_FAILURE",
      "failed,      none,  TECHNICAL_FAILURE",
      "failed,      30002, TECHNICAL_FAILURE",
      "failed,      21211, PERMANENT_FAILURE",
      "failed,      21614, PERMANENT_FAILURE",
      "canceled,    none,  CANCELLED",
      "something-new, none, SENDING"})
  void each_twilio_status_and_error_has_one_status_of_ours(String twilio, String errorCode, DeliveryStatus ours) {
    assertThat(TwilioStatuses.of(twilio, errorCode)).isEqualTo(ours);
  }

  @ParameterizedTest
  @CsvSource({
      "30003, The phone was switched off or out of signal (Twilio error 30003)",
      "30006, The number is a landline or cannot receive texts (Twilio error 30006)",
      "30410, Twilio error 30410 (see twilio.com/docs/errors/30410)"})
  void a_receipt_explains_twilios_error_in_plain_words(String code, String detail) {
    var receipt = TwilioStatuses.receipt("SM1", "undelivered", code);

    assertThat(receipt.detail()).isEqualTo(detail);
    assertThat(receipt.errorCode()).isEqualTo(code);
    assertThat(receipt.providerStatus()).isEqualTo("undelivered");
  }
}
