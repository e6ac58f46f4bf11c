package org.schoolgate.messaging.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.DeliveryFailure.Kind;
import org.schoolgate.messaging.port.ProviderReceipt;
import org.schoolgate.messaging.port.SmsToSend;
import org.schoolgate.testing.TwilioStandIn;
import org.schoolgate.testing.TwilioStandIn.Answer;
import org.schoolgate.testing.TwilioStandIn.Received;

class TwilioSmsGatewayTest {

  private static final String PARENT = "+447911123456";
  private static final String SCHOOL_NUMBER = "+447400123456";
  private static final String SERVICE = "MG00000000000000000000000000000001";
  private static final String RECEIPTS = "https://schoolgate.example.sch.uk/api/twilio/status?message=42";

  private static TwilioStandIn twilio;
  private static TwilioRestClient client;

  private TwilioSmsGateway gateway;

  @BeforeAll
  static void startTwilio() {
    twilio = TwilioStandIn.start();
    client = TwilioClients.create(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, twilio.baseUri(), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopTwilio() {
    twilio.close();
  }

  @BeforeEach
  void freshTwilio() {
    twilio.reset();
    gateway = new TwilioSmsGateway(client, SCHOOL_NUMBER);
  }

  @Test
  void a_text_reaches_twilio_with_the_number_the_sender_the_words_and_the_receipt_address() {
    String reference = gateway.send(new SmsToSend(PARENT, "Sam was not in school this morning. Please call 0161 496 0000.", RECEIPTS));

    assertThat(twilio.requests()).singleElement().satisfies(r -> {
      assertThat(r.to()).isEqualTo(PARENT);
      assertThat(r.from()).isEqualTo(SCHOOL_NUMBER);
      assertThat(r.messagingServiceSid()).isNull();
      assertThat(r.body()).isEqualTo("Sam was not in school this morning. Please call 0161 496 0000.");
      assertThat(r.statusCallback()).isEqualTo(RECEIPTS);
      assertThat(r.sid()).isEqualTo(reference);
    });
    assertThat(reference).startsWith("SM");
  }

  @Test
  void a_text_sent_through_a_messaging_service_names_the_service_and_no_sender_number() {
    var throughService = new TwilioSmsGateway(client, SERVICE);

    String reference = throughService.send(new SmsToSend(PARENT, "Zoë's trip leaves at 8:15 — bring a packed lunch £", RECEIPTS));

    Received received = twilio.requestsTo(PARENT).get(0);
    assertThat(received.messagingServiceSid()).isEqualTo(SERVICE);
    assertThat(received.from()).isNull();
    assertThat(received.body()).isEqualTo("Zoë's trip leaves at 8:15 — bring a packed lunch £");
    assertThat(received.sid()).isEqualTo(reference);
  }

  @Test
  void a_text_without_a_receipt_address_asks_twilio_for_no_receipts() {
    gateway.send(new SmsToSend(PARENT, "Reminder: parents' evening is on Thursday."));

    assertThat(twilio.requestsTo(PARENT)).singleElement().extracting(Received::statusCallback).isNull();
  }

  @Test
  void an_invalid_number_is_a_permanent_failure_that_names_the_number_as_staff_write_it() {
    twilio.answerNext(PARENT, Answer.invalidNumber());

    DeliveryFailure failure = sendExpectingFailure(PARENT);

    assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(failure.providerCode()).isEqualTo("21211");
    assertThat(failure.getMessage()).isEqualTo("The number 07911 123456 is not a valid mobile number");
  }

  static Stream<Arguments> numbersTwilioWillNeverText() {
    return Stream.of(
        Arguments.of(Answer.notMobile(), "21614", "The number 07911 123456 is not a mobile number, so it cannot receive texts"),
        Arguments.of(Answer.unsubscribed(), "21610",
            "The number 07911 123456 has replied STOP to the school's texts, so Twilio will not send to it until it replies START"));
  }

  @ParameterizedTest
  @MethodSource("numbersTwilioWillNeverText")
  void a_landline_or_an_unsubscribed_number_is_a_permanent_failure(Answer answer, String code, String reason) {
    twilio.answerNext(PARENT, answer);

    DeliveryFailure failure = sendExpectingFailure(PARENT);

    assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(failure.providerCode()).isEqualTo(code);
    assertThat(failure.getMessage()).isEqualTo(reason);
  }

  static Stream<Arguments> answersThatMeanNotNow() {
    return Stream.of(
        Arguments.of(Answer.rateLimited(), "20429"),
        Arguments.of(Answer.serverError(), "20500"),
        Arguments.of(Answer.error(503, 20503, "Service Unavailable"), "20503"),
        Arguments.of(Answer.badGatewayPage(), "HTTP 502"));
  }

  @ParameterizedTest
  @MethodSource("answersThatMeanNotNow")
  void a_rate_limit_or_a_twilio_error_is_retryable_after_exactly_one_request(Answer answer, String code) {
    twilio.answerAll(PARENT, answer);

    DeliveryFailure failure = sendExpectingFailure(PARENT);

    assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(failure.providerCode()).isEqualTo(code);
    assertThat(failure.getMessage()).contains("nothing was sent");
    assertThat(twilio.count()).as("requests Twilio received for one send").isEqualTo(1);
  }

  @Test
  void the_next_send_after_a_rate_limit_goes_through() {
    twilio.answerNext(PARENT, Answer.rateLimited());
    sendExpectingFailure(PARENT);

    String reference = gateway.send(new SmsToSend(PARENT, "Second try", null));

    assertThat(twilio.requestsTo(PARENT)).extracting(Received::answeredWith).containsExactly(429, 201);
    assertThat(reference).startsWith("SM");
  }

  @Test
  void wrong_account_details_hold_texts_back_for_an_administrator_and_are_asked_only_once() {
    var wrongToken = TwilioClients.create(TwilioStandIn.ACCOUNT_SID, "not-the-token", twilio.baseUri(), Duration.ofSeconds(5));

    DeliveryFailure failure = catchThrowableOfType(
        () -> new TwilioSmsGateway(wrongToken, SCHOOL_NUMBER).send(new SmsToSend(PARENT, "Hello", null)), DeliveryFailure.class);

    assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(failure.providerCode()).isEqualTo("20003");
    assertThat(failure.getMessage()).contains("school's Twilio set-up", "nothing was sent");
    assertThat(twilio.requests()).singleElement().extracting(Received::answeredWith).isEqualTo(401);
  }

  @Test
  void twilio_that_cannot_be_reached_means_nothing_was_sent_and_the_text_may_be_tried_again() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nowhere = TwilioClients.create(
        TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

    DeliveryFailure failure = catchThrowableOfType(
        () -> new TwilioSmsGateway(nowhere, SCHOOL_NUMBER).send(new SmsToSend(PARENT, "Hello", null)), DeliveryFailure.class);

    assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(failure.getMessage()).startsWith("Could not reach Twilio").endsWith("nothing was sent");
  }

  @Test
  void an_answer_that_comes_too_late_leaves_the_outcome_unknown_and_is_not_sent_again() {
    var impatient = TwilioClients.create(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, twilio.baseUri(), Duration.ofMillis(300));
    twilio.answerNext(PARENT, Answer.acceptLate(Duration.ofSeconds(2)));

    DeliveryFailure failure = catchThrowableOfType(
        () -> new TwilioSmsGateway(impatient, SCHOOL_NUMBER).send(new SmsToSend(PARENT, "Hello", null)), DeliveryFailure.class);

    assertThat(failure.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
    assertThat(failure.getMessage()).isEqualTo("Twilio did not answer in time; the text may have been sent");
    assertThat(twilio.requestsTo(PARENT)).as("Twilio took the text; it was not sent a second time")
        .singleElement().satisfies(r -> assertThat(r.accepted()).isTrue());
  }

  @Test
  void looking_up_a_text_gives_its_fate_in_our_words() {
    String reference = gateway.send(new SmsToSend(PARENT, "Hello", null));

    assertThat(gateway.lookUp(reference)).get().extracting(ProviderReceipt::status).isEqualTo(DeliveryStatus.SENDING);

    twilio.setStatus(reference, "delivered", null);
    assertThat(gateway.lookUp(reference)).get().satisfies(receipt -> {
      assertThat(receipt.reference()).isEqualTo(reference);
      assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(receipt.providerStatus()).isEqualTo("delivered");
      assertThat(receipt.errorCode()).isNull();
    });

    twilio.setStatus(reference, "undelivered", 30003);
    assertThat(gateway.lookUp(reference)).get().satisfies(receipt -> {
      assertThat(receipt.status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
      assertThat(receipt.errorCode()).isEqualTo("30003");
      assertThat(receipt.detail()).contains("switched off");
    });

    twilio.setStatus(reference, "undelivered", 30006);
    assertThat(gateway.lookUp(reference)).get().extracting(ProviderReceipt::status).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
  }

  @Test
  void looking_up_a_text_twilio_does_not_know_gives_nothing() {
    assertThat(gateway.lookUp("SM0000000000000000000000000000dead")).isEmpty();
    assertThat(twilio.lookUpCount()).isEqualTo(1);
  }

  @Test
  void a_refused_text_never_puts_the_number_or_the_words_in_the_log() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger(TwilioSmsGateway.class.getName());
    Level before = log.getLevel();
    log.setLevel(Level.ALL);
    log.addHandler(capture);
    try {
      twilio.answerNext(PARENT, Answer.invalidNumber());
      sendExpectingFailure(PARENT);
      twilio.answerNext(PARENT, Answer.rateLimited());
      sendExpectingFailure(PARENT);
      gateway.send(new SmsToSend(PARENT, "Private words", null));
    } finally {
      log.removeHandler(capture);
      log.setLevel(before);
    }

    assertThat(records).isNotEmpty();
    assertThat(records).allSatisfy(r -> assertThat(r.getMessage())
        .doesNotContain("7911", "123456", "Private words"));
  }

  @Test
  void a_sender_that_is_neither_a_number_nor_a_messaging_service_is_refused_at_start() {
    assertThatThrownBy(() -> new TwilioSmsGateway(client, "Schoolgate")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TwilioSmsGateway(client, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void two_hundred_texts_from_several_threads_all_arrive_once_each() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    Set<String> references = ConcurrentHashMap.newKeySet();
    List<Future<?>> sends = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        String body = "Text " + i;
        sends.add(senders.submit(() -> references.add(gateway.send(new SmsToSend(PARENT, body, RECEIPTS)))));
      }
      for (Future<?> send : sends) {
        send.get();
      }
    } finally {
      senders.shutdownNow();
    }

    assertThat(references).hasSize(200);
    assertThat(twilio.count()).isEqualTo(200);
    assertThat(twilio.bodies()).doesNotHaveDuplicates().hasSize(200);
  }

  private DeliveryFailure sendExpectingFailure(String to) {
    DeliveryFailure failure = catchThrowableOfType(() -> gateway.send(new SmsToSend(to, "Hello", null)), DeliveryFailure.class);
    assertThat(failure).as("the send should have failed").isNotNull();
    return failure;
  }
}
