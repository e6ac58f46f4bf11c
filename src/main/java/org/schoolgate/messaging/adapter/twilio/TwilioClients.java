package org.schoolgate.messaging.adapter.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the {@link TwilioRestClient} the gateway sends through. Three things differ from the SDK's
 * defaults, each for a reason:
 *
 * <ul>
 *   <li><b>One attempt per send.</b> The SDK repeats a request that got a 5xx answer (three times) and
 *       Apache HttpClient repeats some others; a repeated POST can send a parent the same text twice.
 *       Here every send is exactly one HTTP request and the outbox decides when to try again.
 *   <li><b>Our timeouts.</b> The SDK forces a 30.5 s connect timeout on every request; here the
 *       connect, read and pool-wait limits are all {@code timeout}.
 *   <li><b>A stand-in instead of Twilio.</b> The SDK has no base-URL setting, so with {@code apiBase}
 *       set every request is routed to that address (plain HTTP) by a route planner; the path,
 *       account and form are exactly what Twilio would receive.
 * </ul>
 *
 * <p>The client is thread-safe and meant to be built once and shared (it holds a connection pool of
 * {@value #MAX_CONNECTIONS} connections).
 */
public final class TwilioClients {

  /** Connections kept open to Twilio; also the most texts in flight at once. */
  public static final int MAX_CONNECTIONS = 64;

  private TwilioClients() {}

  /**
   * @param accountSid the Twilio account ("AC..."), also the account in every request path
   * @param authToken the account's auth token
   * @param apiBaseOrNull null for the real Twilio; otherwise "http://localhost:PORT" of a stand-in
   * @param timeout the longest wait to connect, and then for Twilio's answer once a text is sent
   */
  public static TwilioRestClient create(String accountSid, String authToken, URI apiBaseOrNull, Duration timeout) {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(authToken, "authToken");
    Timeout limit = Timeout.of(Objects.requireNonNull(timeout, "timeout"));

    PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(MAX_CONNECTIONS)
        .setMaxConnPerRoute(MAX_CONNECTIONS)
        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).setSoKeepAlive(true).setTcpNoDelay(true).build())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(limit)
            .setSocketTimeout(limit)
            // A connection that sat idle is checked before reuse, so a stale one fails before the text
            // is written rather than after (which would leave the outcome unknown).
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .setTimeToLive(TimeValue.ofMinutes(5))
            .build())
        .build();

    @SuppressWarnings("deprecation") // the connect timeout here replaces the one the SDK puts on each request
    RequestConfig ours = RequestConfig.custom()
        .setConnectionRequestTimeout(limit)
        .setConnectTimeout(limit)
        .setResponseTimeout(limit)
        .setRedirectsEnabled(false)
        .build();

    HttpClientBuilder http = HttpClientBuilder.create()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(ours)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .evictIdleConnections(TimeValue.ofSeconds(30))
        // NetworkHttpClient sets its own request config (30.5 s to connect) on every request; put ours
        // back before the connection is opened and the answer awaited.
        .addExecInterceptorFirst("schoolgate-timeouts", (request, scope, chain) -> {
          scope.clientContext.setRequestConfig(ours);
          return chain.proceed(request, scope);
        });
    if (apiBaseOrNull != null) {
      HttpRoute route = new HttpRoute(standIn(apiBaseOrNull));
      http.setRoutePlanner((target, context) -> route);
    }
    return new TwilioRestClient.Builder(accountSid, authToken)
        .httpClient(new OneAttempt(http))
        .build();
  }

  private static HttpHost standIn(URI base) {
    if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
      throw new IllegalArgumentException("The Twilio stand-in address must look like http://localhost:8089, not " + base);
    }
    return new HttpHost("http", base.getHost(), base.getPort());
  }

  /**
   * Makes each request once, and makes sure an error answer reaches the SDK as Twilio-style JSON
   * with its HTTP status, so a proxy's HTML 502 is still read as "HTTP 502" and not as an unreadable
   * answer.
   */
  static final class OneAttempt extends NetworkHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    OneAttempt(HttpClientBuilder builder) {
      super(builder);
    }

    @Override
    public Response reliableRequest(Request request) {
      return readableError(makeRequest(request));
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
      return readableError(makeRequest(request));
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
      return false;
    }

    static Response readableError(Response response) {
      int status = response.getStatusCode();
      if (status < 400) {
        return response;
      }
      String content = response.getStream() == null ? "" : response.getContent();
      ObjectNode error;
      try {
        JsonNode node = content == null || content.isBlank() ? null : JSON.readTree(content);
        error = node instanceof ObjectNode object ? object : null;
      } catch (Exception unreadable) {
        error = null;
      }
      if (error == null) {
        error = JSON.createObjectNode().put("message", "HTTP " + status + " without a Twilio error");
      }
      error.put("status", status);
      return new Response(error.toString(), status, response.getHeaders());
    }
  }
}
