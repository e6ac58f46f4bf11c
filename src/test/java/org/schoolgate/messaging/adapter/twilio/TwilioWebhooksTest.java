package org.schoolgate.messaging.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.InboundSms;
import org.schoolgate.messaging.port.InboundSms.Keyword;
import org.schoolgate.messaging.port.ProviderReceipt;
import org.schoolgate.testing.TwilioStandIn;

class TwilioWebhooksTest {

  /** What Twilio was told: the school's public https address, not the one the request arrives on. */
  private static final String STATUS_URL = "https://schoolgate.example.sch.uk/api/twilio/status?message=42";
  private static final String INBOUND_URL = "https://schoolgate.example.sch.uk/api/twilio/inbound";
  private static final String PARENT = "+447911123456";
  private static final String SCHOOL_NUMBER = "+447400123456";

  private static TwilioStandIn twilio;
  private static HttpServer school;
  private static final BlockingQueue<Arrived> arrivals = new LinkedBlockingQueue<>();

  private final TwilioWebhooks webhooks = new TwilioWebhooks(TwilioStandIn.AUTH_TOKEN);

  /** A post as the school's server received it. */
  record Arrived(String path, Map<String, String> form, String signature) {}

  @BeforeAll
  static void start() throws IOException {
    twilio = TwilioStandIn.start();
    school = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    school.createContext("/", exchange -> {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      arrivals.add(new Arrived(exchange.getRequestURI().toString(), parse(form),
          exchange.getRequestHeaders().getFirst("X-Twilio-Signature")));
      byte[] answer = "<Response/>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    school.start();
  }

  @AfterAll
  static void stop() {
    school.stop(0);
    twilio.close();
  }

  @BeforeEach
  void nothingArrivedYet() {
    arrivals.clear();
  }

  @Test
  void a_status_callback_signed_by_twilio_is_genuine_and_gives_our_status() throws Exception {
    var posted = twilio.postSigned(behindProxy("/api/twilio/status?message=42"), STATUS_URL, callback("SM123", "delivered", null));
    Arrived arrived = nextArrival();

    assertThat(posted.status()).isEqualTo(200);
    assertThat(webhooks.isGenuine(STATUS_URL, arrived.form(), arrived.signature())).isTrue();
    ProviderReceipt receipt = webhooks.receiptOf(arrived.form());
    assertThat(receipt.reference()).isEqualTo("SM123");
    assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void the_stand_ins_status_callback_helper_signs_what_twilio_would_sign() throws Exception {
    String url = behindProxy("/api/twilio/status");
    twilio.postStatusCallback(url, "SM456", "undelivered", 30003);
    Arrived arrived = nextArrival();

    assertThat(webhooks.isGenuine(url, arrived.form(), arrived.signature())).isTrue();
    ProviderReceipt receipt = webhooks.receiptOf(arrived.form());
    assertThat(receipt.status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
    assertThat(receipt.errorCode()).isEqualTo("30003");
    assertThat(receipt.providerStatus()).isEqualTo("undelivered");
  }

  @Test
  void a_forged_callback_is_refused() throws Exception {
    Map<String, String> signedAsDelivered = callback("SM123", "delivered", null);
    String genuine = twilio.signature(STATUS_URL, signedAsDelivered);
    Map<String, String> tampered = new HashMap<>(signedAsDelivered);
    tampered.put("MessageStatus", "failed");

    assertThat(webhooks.isGenuine(STATUS_URL, tampered, genuine)).as("fields changed after signing").isFalse();
    assertThat(webhooks.isGenuine(STATUS_URL, signedAsDelivered, TwilioStandIn.signature("another-token", STATUS_URL, signedAsDelivered)))
        .as("signed with another account's token").isFalse();
    assertThat(webhooks.isGenuine(STATUS_URL, signedAsDelivered, "bm90IGEgc2lnbmF0dXJl")).as("made-up signature").isFalse();
  }

  @Test
  void an_unsigned_callback_is_refused() throws Exception {
    TwilioStandIn.postForm(behindProxy("/api/twilio/status"), callback("SM123", "delivered", null), null);
    Arrived arrived = nextArrival();

    assertThat(arrived.signature()).isNull();
    assertThat(webhooks.isGenuine(STATUS_URL, arrived.form(), arrived.signature())).isFalse();
    assertThat(webhooks.isGenuine(STATUS_URL, arrived.form(), " ")).isFalse();
  }

  @Test
  void a_callback_signed_for_a_different_address_is_refused() throws Exception {
    String internal = behindProxy("/api/twilio/status?message=42");
    twilio.postSigned(internal, callback("SM123", "delivered", null));
    Arrived arrived = nextArrival();

    assertThat(webhooks.isGenuine(internal, arrived.form(), arrived.signature())).as("checked against what was signed").isTrue();
    assertThat(webhooks.isGenuine(STATUS_URL, arrived.form(), arrived.signature())).as("checked against our public address").isFalse();
    assertThat(webhooks.isGenuine("https://schoolgate.example.sch.uk/api/twilio/status?message=43", callback("SM123", "delivered", null),
        twilio.signature(STATUS_URL, callback("SM123", "delivered", null)))).as("another message's address").isFalse();
  }

  @Test
  void a_callback_signed_for_https_does_not_pass_when_checked_against_the_http_address_it_arrived_on() {
    Map<String, String> form = callback("SM123", "delivered", null);
    String signature = twilio.signature(STATUS_URL, form);

    assertThat(webhooks.isGenuine(STATUS_URL.replace("https://", "http://"), form, signature)).isFalse();
    assertThat(webhooks.isGenuine(STATUS_URL, form, signature)).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "sent,        none,  SENT",
      "delivered,   none,  DELIVERED",
      "undelivered, 30003, TEMPORARY_FAILURE",
      "undelivered, 30006, PERMANENT_FAILURE",
      "failed,      30002, TECHNICAL_FAILURE",
      "canceled,    none,  CANCELLED"})
  void a_status_callback_becomes_a_receipt_in_our_words(String status, String errorCode, DeliveryStatus ours) {
    ProviderReceipt receipt = webhooks.receiptOf(callback("SM9", status, errorCode));

    assertThat(receipt.status()).isEqualTo(ours);
    assertThat(receipt.providerStatus()).isEqualTo(status);
    assertThat(receipt.errorCode()).isEqualTo(errorCode);
  }

  @Test
  void a_status_callback_without_a_message_or_status_is_refused() {
    assertThatThrownBy(() -> webhooks.receiptOf(Map.of("MessageStatus", "delivered"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> webhooks.receiptOf(Map.of("MessageSid", "SM1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_parents_reply_signed_by_twilio_is_read_with_its_keyword() throws Exception {
    twilio.postSigned(behindProxy("/api/twilio/inbound"), INBOUND_URL, Map.of(
        "MessageSid", "SM777", "From", PARENT, "To", SCHOOL_NUMBER, "Body", " Stop ", "AccountSid", TwilioStandIn.ACCOUNT_SID));
    Arrived arrived = nextArrival();

    assertThat(webhooks.isGenuine(INBOUND_URL, arrived.form(), arrived.signature())).isTrue();
    InboundSms sms = webhooks.inboundOf(arrived.form());
    assertThat(sms).isEqualTo(new InboundSms("SM777", PARENT, SCHOOL_NUMBER, " Stop ", Keyword.STOP));
  }

  @Test
  void the_stand_ins_inbound_helper_posts_a_reply_that_passes_the_check() throws Exception {
    String url = behindProxy("/api/twilio/inbound");
    twilio.postInboundSms(url, PARENT, SCHOOL_NUMBER, "Sam is ill today, sorry – Zoë");
    Arrived arrived = nextArrival();

    assertThat(webhooks.isGenuine(url, arrived.form(), arrived.signature())).isTrue();
    InboundSms sms = webhooks.inboundOf(arrived.form());
    assertThat(sms.body()).isEqualTo("Sam is ill today, sorry – Zoë");
    assertThat(sms.keyword()).isEqualTo(Keyword.OTHER);
    assertThat(sms.reference()).startsWith("SM");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(ignoreLeadingAndTrailingWhitespace = false, value = {
      "stop,STOP", "' Stop ',STOP", "STOPALL,STOP", "unsubscribe,STOP", "Cancel,STOP", "end,STOP", "QUIT,STOP",
      "start,START", "Yes,START", "unstop,START",
      "help,HELP", "INFO,HELP",
      "stop please,OTHER", "please stop,OTHER", "stop.,OTHER", "'',OTHER", "Sam is ill,OTHER"})
  void a_keyword_counts_only_as_the_whole_text_in_any_case(String body, Keyword keyword) {
    var sms = webhooks.inboundOf(Map.of("MessageSid", "SM1", "From", PARENT, "To", SCHOOL_NUMBER, "Body", body));

    assertThat(sms.keyword()).isEqualTo(keyword);
  }

  @Test
  void a_reply_with_no_words_becomes_an_empty_twiml_answer_and_a_reply_is_escaped() {
    assertThat(webhooks.twiml(null)).contains("<Response/>").doesNotContain("<Message");
    assertThat(webhooks.twiml("Thanks – the office will call you back. Fish & chips <3"))
        .contains("<Response><Message><Body>Thanks – the office will call you back. Fish &amp; chips &lt;3</Body></Message></Response>");
  }

  private static Map<String, String> callback(String sid, String status, String errorCode) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
    form.put("MessageSid", sid);
    form.put("MessageStatus", status);
    form.put("To", PARENT);
    if (errorCode != null) {
      form.put("ErrorCode", errorCode);
    }
    return form;
  }

  private static String behindProxy(String path) {
    return "http://127.0.0.1:" + school.getAddress().getPort() + path;
  }

  private static Arrived nextArrival() throws InterruptedException {
    Arrived arrived = arrivals.poll(5, TimeUnit.SECONDS);
    assertThat(arrived).as("a post reached the school's server").isNotNull();
    return arrived;
  }

  private static Map<String, String> parse(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
