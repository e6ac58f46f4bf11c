package org.schoolgate.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Twilio's Messages API, on a free loopback port, for unit tests, the crash
 * test (the stand-in lives in the test JVM, the sender in another) and benchmarks. Point the SDK at
 * it with {@code TwilioClients.create(ACCOUNT_SID, AUTH_TOKEN, standIn.baseUri(), timeout)}.
 *
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{sid}/Messages.json} answers 201 with a body shaped like
 *       Twilio's (a new "SM..." sid, status "queued", or "accepted" for a Messaging Service), and
 *       remembers the message for look-ups.
 *   <li>{@code GET /2010-04-01/Accounts/{sid}/Messages/{sid}.json} answers with the message as it
 *       stands ({@link #setStatus} moves it on), or 404 (Twilio error 20404).
 *   <li>Wrong account details get 401 (Twilio error 20003), as from Twilio.
 *   <li>{@link #answerNext} and {@link #answerAll} make sends to one number fail or answer late;
 *       {@link #answerEveryone} does it for every number.
 *   <li>Every send request is recorded, whatever the answer ({@link #requests()}).
 *   <li>{@link #postStatusCallback} and {@link #postInboundSms} post to our webhooks signed as Twilio
 *       signs them.
 * </ul>
 *
 * <p>Built for speed: WireMock's request journal is off (recording is one queue append), responses
 * are built by a small transformer without templating, and delayed answers do not hold a server
 * thread.
 */
public final class TwilioStandIn implements AutoCloseable {

  /** The account the stand-in expects unless told otherwise. */
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
  /** The matching auth token; it also signs the webhook posts. */
  public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

  private static final Pattern SEND = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
  private static final Pattern FETCH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient WEBHOOKS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One send request as the stand-in received it; {@code sid} is null when it was refused. */
  public record Received(
      String sid, String to, String from, String messagingServiceSid, String body, String statusCallback, int answeredWith,
      Instant at) {

    public boolean accepted() {
      return sid != null;
    }
  }

  /** How to answer a send: accept (perhaps late), or refuse with an HTTP status and Twilio error. */
  public static final class Answer {
    final int status;
    final Integer code;
    final String message;
    final String rawBody;
    final Duration delay;

    private Answer(int status, Integer code, String message, String rawBody, Duration delay) {
      this.status = status;
      this.code = code;
      this.message = message;
      this.rawBody = rawBody;
      this.delay = delay;
    }

    /** 400, Twilio error 21211: "The 'To' number is not a valid phone number." */
    public static Answer invalidNumber() {
      return error(400, 21211, "The 'To' number is not a valid phone number.");
    }

    /** 400, Twilio error 21614: the number is not a mobile. */
    public static Answer notMobile() {
      return error(400, 21614, "'To' number is not a valid mobile number");
    }

    /** 400, Twilio error 21610: the recipient replied STOP. */
    public static Answer unsubscribed() {
      return error(400, 21610, "Attempt to send to unsubscribed recipient");
    }

    /** 429, Twilio error 20429: too many requests. */
    public static Answer rateLimited() {
      return error(429, 20429, "Too Many Requests");
    }

    /** 500, Twilio error 20500: an internal error. */
    public static Answer serverError() {
      return error(500, 20500, "An internal server error has occurred");
    }

    /** 502 with an HTML page, as a proxy in front of Twilio would answer. */
    public static Answer badGatewayPage() {
      return new Answer(502, null, null, "<html><body><h1>502 Bad Gateway</h1></body></html>", Duration.ZERO);
    }

    /** Any Twilio error answer. */
    public static Answer error(int httpStatus, int twilioCode, String message) {
      return new Answer(httpStatus, twilioCode, message, null, Duration.ZERO);
    }

    /** Accepts the text, and answers only after {@code delay}: the sender may time out meanwhile. */
    public static Answer acceptLate(Duration delay) {
      return new Answer(201, null, null, null, delay);
    }

    boolean accepts() {
      return status == 201;
    }
  }

  private final String accountSid;
  private final String authToken;
  private final String expectedAuthorization;
  private final WireMockServer server;
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sends = new AtomicInteger();
  private final AtomicInteger lookUps = new AtomicInteger();
  private final AtomicLong nextSid = new AtomicLong();
  private final String sidPrefix = String.format("%016x", ThreadLocalRandom.current().nextLong());
  private final Map<String, Message> messages = new ConcurrentHashMap<>();
  private volatile CachedDate cachedDate = new CachedDate(-1, "");
  private final Map<String, Queue<Answer>> nextAnswers = new ConcurrentHashMap<>();
  private final Map<String, Answer> standingAnswers = new ConcurrentHashMap<>();
  private final AtomicReference<Answer> everyoneAnswer = new AtomicReference<>();

  private TwilioStandIn(int port, String accountSid, String authToken) {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.expectedAuthorization = "Basic "
        + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    var config = options()
        .bindAddress("127.0.0.1")
        .containerThreads(96)
        .jettyAcceptors(2)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(8)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .stubCorsEnabled(false)
        .gzipDisabled(true)
        .templatingEnabled(false)
        .notifier(new ConsoleNotifier(false))
        .extensions(new Responder());
    server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
    server.start();
    server.stubFor(post(urlPathMatching(SEND.pattern())).willReturn(aResponse().withStatus(201)));
    server.stubFor(get(urlPathMatching(FETCH.pattern())).willReturn(aResponse().withStatus(200)));
  }

  /** Starts a stand-in on a free port, expecting {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}. */
  public static TwilioStandIn start() {
    return new TwilioStandIn(0, ACCOUNT_SID, AUTH_TOKEN);
  }

  /** Starts a stand-in on a given port (to bring it back where a sender already points). */
  public static TwilioStandIn startOn(int port) {
    return new TwilioStandIn(port, ACCOUNT_SID, AUTH_TOKEN);
  }

  /** Starts a stand-in on a free port for other account details. */
  public static TwilioStandIn start(String accountSid, String authToken) {
    return new TwilioStandIn(0, accountSid, authToken);
  }

  /** "http://127.0.0.1:PORT", for {@code SCHOOLGATE_TWILIO_API_URL}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  public String accountSid() {
    return accountSid;
  }

  public String authToken() {
    return authToken;
  }

  // ---- answers ----------------------------------------------------------------------------------

  /** The next send to this number gets {@code answer}; later sends are answered as before. */
  public void answerNext(String toE164, Answer answer) {
    nextAnswers.computeIfAbsent(toE164, k -> new ConcurrentLinkedQueue<>()).add(answer);
  }

  /** Every send to this number gets {@code answer} until {@link #clearAnswers()}. */
  public void answerAll(String toE164, Answer answer) {
    standingAnswers.put(toE164, answer);
  }

  /** Every send to any number gets {@code answer} (a Twilio outage) until {@link #clearAnswers()}. */
  public void answerEveryone(Answer answer) {
    everyoneAnswer.set(answer);
  }

  /** Back to accepting every text at once. */
  public void clearAnswers() {
    nextAnswers.clear();
    standingAnswers.clear();
    everyoneAnswer.set(null);
  }

  /** Moves an accepted message on, as Twilio would ("sent", "delivered", "undelivered" with 30003). */
  public void setStatus(String sid, String status, Integer errorCode) {
    Message message = messages.get(sid);
    if (message == null) {
      throw new IllegalArgumentException("The stand-in never accepted " + sid);
    }
    message.moveTo(status, errorCode);
  }

  // ---- what was received ------------------------------------------------------------------------

  /** Every send request, in the order received, whatever the answer. */
  public List<Received> requests() {
    return List.copyOf(received);
  }

  /** The send requests for one number. */
  public List<Received> requestsTo(String e164) {
    return received.stream().filter(r -> e164.equals(r.to())).toList();
  }

  /** The texts of every send request, in the order received (a text sent twice appears twice). */
  public List<String> bodies() {
    return received.stream().map(Received::body).toList();
  }

  /** Send requests received, whatever the answer. */
  public int count() {
    return sends.get();
  }

  /** Send requests that were accepted (given a Message SID). */
  public int acceptedCount() {
    return (int) received.stream().filter(Received::accepted).count();
  }

  /** Message look-ups received. */
  public int lookUpCount() {
    return lookUps.get();
  }

  /** Forgets what was received and the answers it was told to give. */
  public void reset() {
    clearAnswers();
    received.clear();
    messages.clear();
    sends.set(0);
    lookUps.set(0);
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---- webhooks ---------------------------------------------------------------------------------

  /** What our webhook answered. */
  public record Posted(int status, String body) {}

  /**
   * Twilio's X-Twilio-Signature for a form post: Base64 of HMAC-SHA1, keyed with the auth token, over
   * the full URL followed by each parameter name and value, sorted by name.
   */
  public static String signature(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature this stand-in's account would put on a post of {@code params} to {@code url}. */
  public String signature(String url, Map<String, String> params) {
    return signature(authToken, url, params);
  }

  /** Posts a status callback for a message, signed as Twilio signs it. */
  public Posted postStatusCallback(String url, String messageSid, String status, Integer errorCodeOrNull) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("ApiVersion", "2010-04-01");
    params.put("MessageSid", messageSid);
    params.put("SmsSid", messageSid);
    params.put("MessageStatus", status);
    params.put("SmsStatus", status);
    Message message = messages.get(messageSid);
    if (message != null) {
      params.put("To", message.to);
      params.put("From", message.from == null ? "" : message.from);
    }
    if (errorCodeOrNull != null) {
      params.put("ErrorCode", errorCodeOrNull.toString());
    }
    return postSigned(url, params);
  }

  /** Posts an incoming text from a parent, signed as Twilio signs it. */
  public Posted postInboundSms(String url, String fromE164, String toE164, String body) {
    String sid = newSid();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("ApiVersion", "2010-04-01");
    params.put("MessageSid", sid);
    params.put("SmsMessageSid", sid);
    params.put("SmsSid", sid);
    params.put("From", fromE164);
    params.put("To", toE164);
    params.put("Body", body);
    params.put("NumMedia", "0");
    params.put("NumSegments", "1");
    params.put("SmsStatus", "received");
    return postSigned(url, params);
  }

  /** Posts a form to {@code url} with the signature Twilio would give it. */
  public Posted postSigned(String url, Map<String, String> params) {
    return postForm(url, params, signature(url, params));
  }

  /**
   * Posts a form to {@code url} signed for {@code signedUrl}: Twilio signs the public address it was
   * given, while the request may reach the server on another (behind a proxy).
   */
  public Posted postSigned(String url, String signedUrl, Map<String, String> params) {
    return postForm(url, params, signature(signedUrl, params));
  }

  /** Posts a form with any signature header (null for none): for forged requests. */
  public static Posted postForm(String url, Map<String, String> params, String signatureOrNull) {
    String form = params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("User-Agent", "TwilioProxy/1.1")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (signatureOrNull != null) {
      request.header("X-Twilio-Signature", signatureOrNull);
    }
    try {
      HttpResponse<String> response = WEBHOOKS.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Posted(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Could not post to " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while posting to " + url, e);
    }
  }

  // ---- answering --------------------------------------------------------------------------------

  private final class Responder implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return "twilio-stand-in";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      LoggedRequest request = event.getRequest();
      String path = URI.create(request.getUrl()).getPath();
      Matcher send = SEND.matcher(path);
      if (RequestMethod.POST.equals(request.getMethod()) && send.matches()) {
        sends.incrementAndGet();
        return answerSend(request, send.group(1));
      }
      Matcher fetch = FETCH.matcher(path);
      if (RequestMethod.GET.equals(request.getMethod()) && fetch.matches()) {
        lookUps.incrementAndGet();
        return answerFetch(request, fetch.group(1), fetch.group(2), path);
      }
      return event.getResponseDefinition();
    }

    private ResponseDefinition answerSend(LoggedRequest request, String account) {
      Map<String, String> form = parseForm(request.getBodyAsString());
      String to = form.get("To");
      String from = form.get("From");
      String service = form.get("MessagingServiceSid");
      String body = form.get("Body");
      String callback = form.get("StatusCallback");
      Instant now = Instant.now();
      if (!authorised(request, account)) {
        received.add(new Received(null, to, from, service, body, callback, 401, now));
        return twilioError(Answer.error(401, 20003, "Authenticate"));
      }
      Answer answer = answerFor(to);
      if (answer != null && !answer.accepts()) {
        received.add(new Received(null, to, from, service, body, callback, answer.status, now));
        return twilioError(answer);
      }
      String sid = newSid();
      Message message = new Message(sid, account, to, from, service, body, date(now));
      String json = message.json();
      messages.put(sid, message);
      received.add(new Received(sid, to, from, service, body, callback, 201, now));
      ResponseDefinitionBuilder response = aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
      if (answer != null && !answer.delay.isZero()) {
        response.withFixedDelay((int) answer.delay.toMillis());
      }
      return response.build();
    }

    private ResponseDefinition answerFetch(LoggedRequest request, String account, String sid, String path) {
      if (!authorised(request, account)) {
        return twilioError(Answer.error(401, 20003, "Authenticate"));
      }
      Message message = messages.get(sid);
      if (message == null) {
        return twilioError(Answer.error(404, 20404, "The requested resource " + path + " was not found"));
      }
      return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(message.json()).build();
    }

    private boolean authorised(LoggedRequest request, String account) {
      return accountSid.equals(account) && expectedAuthorization.equals(request.getHeader("Authorization"));
    }

    private Answer answerFor(String to) {
      if (to != null) {
        Queue<Answer> next = nextAnswers.get(to);
        Answer once = next == null ? null : next.poll();
        if (once != null) {
          return once;
        }
        Answer standing = standingAnswers.get(to);
        if (standing != null) {
          return standing;
        }
      }
      return everyoneAnswer.get();
    }

    private ResponseDefinition twilioError(Answer answer) {
      String body;
      String type;
      if (answer.rawBody != null) {
        body = answer.rawBody;
        type = "text/html";
      } else {
        body = JSON.createObjectNode()
            .put("code", answer.code)
            .put("message", answer.message)
            .put("more_info", "https://www.twilio.com/docs/errors/" + answer.code)
            .put("status", answer.status)
            .toString();
        type = "application/json";
      }
      ResponseDefinitionBuilder response = aResponse().withStatus(answer.status).withHeader("Content-Type", type).withBody(body);
      if (answer.status == 429) {
        response.withHeader("Retry-After", "1");
      }
      return response.build();
    }
  }

  private String newSid() {
    String counter = Long.toHexString(nextSid.incrementAndGet());
    return "SM" + sidPrefix + "0".repeat(16 - counter.length()) + counter;
  }

  /** Twilio's date format, worked out once a second rather than once a request. */
  private String date(Instant now) {
    CachedDate cached = cachedDate;
    long second = now.getEpochSecond();
    if (cached.second != second) {
      cached = new CachedDate(second, RFC_2822.format(Instant.ofEpochSecond(second)));
      cachedDate = cached;
    }
    return cached.text;
  }

  private record CachedDate(long second, String text) {}

  /** A message the stand-in accepted, as a look-up shows it. */
  private static final class Message {
    final String sid;
    final String account;
    final String to;
    final String from;
    final String service;
    final String body;
    final String date;
    private volatile String status;
    private volatile Integer errorCode;

    Message(String sid, String account, String to, String from, String service, String body, String date) {
      this.sid = sid;
      this.account = account;
      this.to = to;
      this.from = from;
      this.service = service;
      this.body = body;
      this.date = date;
      this.status = service != null && from == null ? "accepted" : "queued";
    }

    synchronized void moveTo(String newStatus, Integer newErrorCode) {
      status = newStatus;
      errorCode = newErrorCode;
    }

    /** The JSON Twilio answers with, written directly (this runs for every text in a benchmark). */
    synchronized String json() {
      StringBuilder json = new StringBuilder(640 + (body == null ? 0 : body.length()));
      json.append('{');
      field(json, "account_sid", account).append(',');
      field(json, "api_version", "2010-04-01").append(',');
      field(json, "body", body).append(',');
      field(json, "date_created", date).append(',');
      field(json, "date_updated", date).append(',');
      field(json, "date_sent", null).append(',');
      field(json, "direction", "outbound-api").append(',');
      json.append("\"error_code\":").append(errorCode == null ? "null" : errorCode.toString()).append(',');
      field(json, "error_message", null).append(',');
      field(json, "from", from).append(',');
      field(json, "messaging_service_sid", service).append(',');
      field(json, "num_media", "0").append(',');
      field(json, "num_segments", "1").append(',');
      field(json, "price", null).append(',');
      field(json, "price_unit", "USD").append(',');
      field(json, "sid", sid).append(',');
      field(json, "status", status).append(',');
      field(json, "to", to).append(',');
      field(json, "uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
      return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
      json.append('"').append(name).append("\":");
      if (value == null) {
        return json.append("null");
      }
      json.append('"');
      JsonStringEncoder.getInstance().quoteAsString(value, json);
      return json.append('"');
    }
  }

  private static Map<String, String> parseForm(String form) {
    Map<String, String> params = new HashMap<>();
    if (form == null || form.isEmpty()) {
      return params;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }
}
