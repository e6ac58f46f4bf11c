package org.schoolgate.messaging.port;

/** Hands one email to a mail server. */
public interface EmailGateway {
  /**
   * Sends the email and returns its Message-ID.
   *
   * @throws DeliveryFailure when the server refused it or could not be reached
   */
  String send(EmailToSend email);
}
