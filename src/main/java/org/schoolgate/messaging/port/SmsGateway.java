package org.schoolgate.messaging.port;

import java.util.Optional;

/** Hands one text message to an SMS provider. */
public interface SmsGateway {
  /**
   * Sends the message and returns the provider's reference for delivery receipts.
   *
   * @throws DeliveryFailure when the provider refused, could not be reached, or may have accepted
   *     the message without saying so (kind {@code OUTCOME_UNKNOWN})
   */
  String send(SmsToSend sms);

  /**
   * Asks the provider what became of a message it accepted, for messages whose receipt never
   * came. Empty when the provider cannot be asked or does not know the reference.
   */
  default Optional<ProviderReceipt> lookUp(String reference) {
    return Optional.empty();
  }
}
