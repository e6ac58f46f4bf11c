package org.schoolgate.messaging.port;

/** Hands one text message to an SMS provider. */
public interface SmsGateway {
  /**
   * Sends the message and returns the provider's reference for delivery receipts.
   *
   * @throws DeliveryFailure when the provider refused or could not be reached
   */
  String send(SmsToSend sms);
}
