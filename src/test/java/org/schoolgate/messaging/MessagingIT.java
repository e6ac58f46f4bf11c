package org.schoolgate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.testing.Api;
import org.schoolgate.testing.SchoolgateDeployment;
import org.schoolgate.testing.TwilioStandIn;

/**
 * The messaging engine end to end on Payara Micro and PostgreSQL with real providers' protocols:
 * texts go through the Twilio SDK to a local stand-in for Twilio's API, emails over SMTP to
 * GreenMail. The clock is 08:10 on Wednesday 18 November 2026, a school morning.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

  /** What Payara is told its public address is; Twilio signs callbacks for this address. */
  static final String PUBLIC_URL = "https://schoolgate.riverside.example";

  static TwilioStandIn twilio;
  static GreenMail mail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SchoolgateDeployment.war();
  }

  @BeforeAll
  static void startProviders() {
    twilio = TwilioStandIn.startOn(Integer.getInteger("it.twilio.port"));
    mail = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterAll
  static void stopProviders() {
    twilio.close();
    mail.stop();
  }

  @ArquillianResource URL deployed;
  Api office;
  String academyId;

  @BeforeEach
  void connect() {
    office = new Api(SchoolgateDeployment.baseUri(deployed)).withBasic(DemoSignIns.OFFICE_ACADEMY, DemoSignIns.PASSWORD);
    academyId = office.get("api/v1/schools").array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(DemoSignIns.ACADEMY_NAME))
        .findFirst().orElseThrow().getString("id");
  }

  String pupilId(String name) {
    Api.Reply reply = office.get("api/v1/schools/" + academyId + "/attendance");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object().getJsonArray("pupils").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("No pupil " + name)).getString("pupilId");
  }

  List<String> pupilNamesAfter(int skip, int count) {
    Api.Reply reply = office.get("api/v1/schools/" + academyId + "/attendance");
    return reply.object().getJsonArray("pupils").getValuesAs(JsonObject.class).stream()
        .map(p -> p.getString("name"))
        .filter(n -> !n.endsWith("Haddad") && !n.endsWith("Jones") && !n.endsWith("Kowalski"))
        .skip(skip).limit(count).toList();
  }

  static JsonObject request(String templateId, String pupilId, String channel, Map<String, String> values) {
    var values1 = Json.createObjectBuilder();
    values.forEach(values1::add);
    var b = Json.createObjectBuilder().add("templateId", templateId).add("pupilIds", Json.createArrayBuilder().add(pupilId)).add("values", values1);
    if (channel != null) {
      b.add("channel", channel);
    }
    return b.build();
  }

  JsonObject send(JsonObject request) {
    Api.Reply reply = office.post("api/v1/schools/" + academyId + "/messages", request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object();
  }

  JsonObject message(String id) {
    Api.Reply reply = office.get("api/v1/schools/" + academyId + "/messages/" + id);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object();
  }

  String statusOf(String id) {
    List<JsonObject> history = message(id).getJsonArray("history").getValuesAs(JsonObject.class);
    return history.get(history.size() - 1).getString("status");
  }

  static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done, String what) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = read.get();
    while (!done.test(last) && System.nanoTime() < until) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      last = read.get();
    }
    assertThat(done.test(last)).as(what + " (last seen: " + last + ")").isTrue();
    return last;
  }

  @Test
  void a_first_day_text_reaches_each_parent_once_in_their_language_and_its_receipt_moves_it_to_delivered() {
    String omar = pupilId("Omar Haddad");
    JsonObject sent = send(request("absence-first-day", omar, null, Map.of()));
    List<String> ids = sent.getJsonArray("messageIds").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList();
    assertThat(ids).hasSize(2);

    List<TwilioStandIn.Received> toAmira = eventually(() -> twilio.requestsTo("+447400100001"), l -> !l.isEmpty(), "Amira's text reached Twilio");
    List<TwilioStandIn.Received> toKarim = eventually(() -> twilio.requestsTo("+447400100004"), l -> !l.isEmpty(), "Karim's text reached Twilio");
    assertThat(toAmira).singleElement().satisfies(r -> {
      assertThat(r.body()).contains("Omar").containsPattern("[\\u0600-\\u06FF]");
      assertThat(r.from()).isEqualTo("+447700100200");
      assertThat(r.statusCallback()).startsWith(PUBLIC_URL + "/api/v1/webhooks/twilio/status/");
    });
    assertThat(toKarim).singleElement().satisfies(r -> assertThat(r.body()).contains("Omar").contains(DemoSignIns.ACADEMY_NAME));

    TwilioStandIn.Received amira = toAmira.get(0);
    String messageId = amira.statusCallback().substring(amira.statusCallback().lastIndexOf('/') + 1);
    eventually(() -> statusOf(messageId), "SENDING"::equals, "the text waits for its receipt");
    TwilioStandIn.Posted callback = twilio.postSigned(
        SchoolgateDeployment.baseUri(deployed) + "api/v1/webhooks/twilio/status/" + messageId, amira.statusCallback(),
        receipt(amira.sid(), "delivered"));
    assertThat(callback.status()).isEqualTo(204);
    assertThat(statusOf(messageId)).isEqualTo("DELIVERED");

    JsonObject again = send(request("absence-first-day", omar, null, Map.of()));
    assertThat(again.getJsonArray("messageIds")).isEmpty();
    assertThat(again.getJsonArray("skipped").getValuesAs(JsonObject.class)).allSatisfy(s -> assertThat(s.getString("reason")).startsWith("Already sent"));
    assertThat(twilio.requestsTo("+447400100001")).hasSize(1);
  }

  @Test
  void a_parent_who_prefers_email_gets_the_first_day_message_by_email_and_it_counts_as_sent() throws Exception {
    String harry = pupilId("Harry Jones");
    send(request("absence-first-day", harry, null, Map.of()));

    MimeMessage email = eventually(() -> Arrays.stream(mail.getReceivedMessages())
            .filter(m -> to(m, "sarah.jones@example.com")).findFirst().orElse(null),
        m -> m != null, "Sarah's email reached the mail server");
    assertThat(email.getSubject()).contains("Wednesday 18 November");
    assertThat(GreenMailUtil.getBody(email)).contains("Harry").contains(DemoSignIns.ACADEMY_NAME);
    String id = email.getHeader("X-Schoolgate-Message")[0];
    eventually(() -> statusOf(id), "SENT"::equals, "an email the server accepted counts as sent");
  }

  /** The number the first text about a pupil would go to, from the preview (nothing is sent). */
  String firstNumber(String pupil, String templateId, Map<String, String> values) {
    Api.Reply preview = office.post("api/v1/schools/" + academyId + "/messages/preview", request(templateId, pupil, "SMS", values));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    List<JsonObject> rendered = preview.object().getJsonArray("messages").getValuesAs(JsonObject.class);
    assertThat(rendered).as("someone can receive a text about " + pupil).isNotEmpty();
    assertThat(rendered.get(0).getString("channel")).isEqualTo("SMS");
    return rendered.get(0).getString("to");
  }

  @Test
  void a_forged_or_unsigned_receipt_is_refused_and_changes_nothing() {
    String pupil = pupilId(pupilNamesAfter(5, 1).get(0));
    Map<String, String> values = Map.of("period_name", "the last two weeks");
    String number = firstNumber(pupil, "praise-improvement", values);
    String id = send(request("praise-improvement", pupil, "SMS", values)).getJsonArray("messageIds").getString(0);
    TwilioStandIn.Received text = eventually(() -> twilio.requestsTo(number), l -> !l.isEmpty(), "the text reached Twilio").get(0);
    String url = SchoolgateDeployment.baseUri(deployed) + "api/v1/webhooks/twilio/status/" + text.statusCallback().substring(text.statusCallback().lastIndexOf('/') + 1);
    String textId = text.statusCallback().substring(text.statusCallback().lastIndexOf('/') + 1);
    eventually(() -> statusOf(textId), "SENDING"::equals, "the text waits for its receipt");

    assertThat(TwilioStandIn.postForm(url, receipt(text.sid(), "delivered"), "forged-signature").status()).isEqualTo(403);
    assertThat(TwilioStandIn.postForm(url, receipt(text.sid(), "delivered"), null).status()).isEqualTo(403);
    // Signed with another account's token.
    assertThat(TwilioStandIn.postForm(url, receipt(text.sid(), "delivered"), TwilioStandIn.signature("not-our-token", text.statusCallback(),
        receipt(text.sid(), "delivered"))).status()).isEqualTo(403);
    assertThat(statusOf(textId)).isEqualTo("SENDING");
    assertThat(id).isNotBlank();
  }

  @Test
  void an_invalid_number_is_a_permanent_failure_with_the_reason_shown_to_staff() {
    String pupil = pupilId(pupilNamesAfter(3, 1).get(0));
    String number = firstNumber(pupil, "praise-full-term", Map.of("period_name", "autumn term"));
    twilio.answerAll(number, TwilioStandIn.Answer.invalidNumber());

    JsonObject sent = send(request("praise-full-term", pupil, "SMS", Map.of("period_name", "autumn term")));
    String id = sent.getJsonArray("messageIds").getString(0);
    eventually(() -> statusOf(id), "PERMANENT_FAILURE"::equals, "the invalid number failed for good");
    JsonObject line = office.get("api/v1/schools/" + academyId + "/messages?show=NEEDS_ATTENTION").array().getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(line.getString("reason")).containsIgnoringCase("not a valid");
    assertThat(twilio.requestsTo(number)).hasSize(1);
  }

  @Test
  void a_parent_who_texts_stop_is_opted_out_and_the_next_message_goes_by_email() throws Exception {
    String name = "Jakub Kowalski";
    String jakub = pupilId(name);
    TwilioStandIn.Posted stop = twilio.postSigned(SchoolgateDeployment.baseUri(deployed) + "api/v1/webhooks/twilio/inbound",
        PUBLIC_URL + "/api/v1/webhooks/twilio/inbound", inbound("+447400100005", " Stop "));
    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.body()).contains("<Message>").contains("START");

    int textsBefore = twilio.requestsTo("+447400100005").size();
    send(request("meeting-reminder", jakub, "SMS", Map.of("meeting_date", "Friday 20 November", "meeting_time", "3:30pm",
        "meeting_place", "the main office", "meeting_purpose", "a chat about attendance")));
    eventually(() -> Arrays.stream(mail.getReceivedMessages())
            .filter(m -> to(m, "lukasz.kowalski@example.com") && GreenMailUtil.getBody(m).contains("20")).count(),
        c -> c > 0, "the reminder went by email instead");
    assertThat(twilio.requestsTo("+447400100005")).hasSize(textsBefore);

    TwilioStandIn.Posted reply = twilio.postSigned(SchoolgateDeployment.baseUri(deployed) + "api/v1/webhooks/twilio/inbound",
        PUBLIC_URL + "/api/v1/webhooks/twilio/inbound", inbound("+447400100005", "START"));
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void a_reply_to_an_absence_text_is_matched_to_the_child_in_the_office_inbox() {
    String name = pupilNamesAfter(7, 1).get(0);
    String pupil = pupilId(name);
    String number = firstNumber(pupil, "absence-first-day", Map.of());
    send(request("absence-first-day", pupil, "SMS", Map.of()));
    eventually(() -> twilio.requestsTo(number), l -> !l.isEmpty(), "the absence text reached Twilio");
    TwilioStandIn.Posted reply = twilio.postSigned(SchoolgateDeployment.baseUri(deployed) + "api/v1/webhooks/twilio/inbound",
        PUBLIC_URL + "/api/v1/webhooks/twilio/inbound", inbound(number, "Sorry, a temperature, back tomorrow"));
    assertThat(reply.status()).isEqualTo(200);

    List<JsonObject> inbox = office.get("api/v1/schools/" + academyId + "/messages/replies").array().getValuesAs(JsonObject.class);
    assertThat(inbox).anySatisfy(r -> {
      assertThat(r.getString("body")).isEqualTo("Sorry, a temperature, back tomorrow");
      assertThat(r.getString("pupilName")).isEqualTo(name);
      assertThat(r.isNull("guardianName")).isFalse();
    });
  }

  static boolean to(MimeMessage m, String address) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> receipt(String sid, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
    params.put("MessageSid", sid);
    params.put("MessageStatus", status);
    return params;
  }

  static Map<String, String> inbound(String from, String body) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
    params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    params.put("From", from);
    params.put("To", "+447700100200");
    params.put("Body", body);
    return params;
  }
}
