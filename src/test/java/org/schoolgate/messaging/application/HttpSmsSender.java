package org.schoolgate.messaging.application;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.schoolgate.messaging.application.OutboxDispatcher.ChannelSender;
import org.schoolgate.messaging.application.OutboxDispatcher.Sent;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.DeliveryFailure.Kind;

/**
 * Sends a text over plain HTTP to the stand-in provider (the JDK's client, HTTP/1.1 with
 * keep-alive), as a provider's adapter would: the provider's reference comes back and the text is
 * SENDING until its receipt. The body carries the message id so the stand-in counts per message.
 */
final class HttpSmsSender implements ChannelSender {

  private final HttpClient client;
  private final URI uri;
  private final Duration timeout;

  HttpSmsSender(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(r -> {
              Thread t = new Thread(r, "sms-http");
              t.setDaemon(true);
              return t;
            }))
            .build();
  }

  @Override
  public Sent send(Claimed message) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(message.id().toString())).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException refused) {
      throw new DeliveryFailure("The text service could not be reached", Kind.RETRYABLE, null, refused);
    } catch (HttpTimeoutException slow) {
      throw new DeliveryFailure("No answer from the text service in time", Kind.OUTCOME_UNKNOWN, null, slow);
    } catch (IOException broken) {
      throw new DeliveryFailure("The connection to the text service broke", Kind.OUTCOME_UNKNOWN, null, broken);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("Stopped while waiting for the text service", Kind.OUTCOME_UNKNOWN, null, e);
    }
    if (response.statusCode() == 429 || response.statusCode() >= 500) {
      throw new DeliveryFailure("The text service is busy", Kind.RETRYABLE, String.valueOf(response.statusCode()), null);
    }
    if (response.statusCode() >= 300) {
      throw new DeliveryFailure("The text service refused the message", Kind.PERMANENT, String.valueOf(response.statusCode()), null);
    }
    return new Sent(response.body(), DeliveryStatus.SENDING, null);
  }
}
