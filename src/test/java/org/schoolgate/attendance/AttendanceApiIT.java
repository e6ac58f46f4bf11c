package org.schoolgate.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalTime;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.testing.Api;
import org.schoolgate.testing.SchoolgateDeployment;

/**
 * The attendance engine end to end through the REST API on PostgreSQL, with the demo trust and
 * the clock at 08:10 on Wednesday 18 November 2026: registers taken and corrected with their
 * history, figures that follow, lists, who sees what, and stage decisions.
 */
@ExtendWith(ArquillianExtension.class)
class AttendanceApiIT {

  static final String YESTERDAY = "2026-11-17";
  static final String TODAY = "2026-11-18";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SchoolgateDeployment.war();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(SchoolgateDeployment.baseUri(deployed));
  }

  Api as(String username) {
    return api.withBasic(username, DemoSignIns.PASSWORD);
  }

  JsonObject school(Api staff, String name) {
    return staff.get("api/v1/schools").array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  List<JsonObject> pupilsOf(Api staff, JsonObject school) {
    Api.Reply reply = staff.get("api/v1/schools/" + school.getString("id") + "/attendance");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object().getJsonArray("pupils").getValuesAs(JsonObject.class);
  }

  static JsonObject markRequest(String code, String reason) {
    var b = Json.createObjectBuilder();
    if (code != null) {
      b.add("code", code);
    }
    if (reason != null) {
      b.add("reason", reason);
    }
    return b.build();
  }

  @Test
  void the_office_corrects_a_mark_with_a_reason_and_the_history_and_figures_follow() {
    Api office = as(DemoSignIns.OFFICE_PRIMARY);
    JsonObject primary = school(office, DemoSignIns.PRIMARY_NAME);
    JsonObject ella =
        pupilsOf(office, primary).stream()
            .filter(p -> p.getString("name").equals("Ella Jones"))
            .findFirst()
            .orElseThrow();
    String id = ella.getString("pupilId");
    JsonObject before = office.get("api/v1/pupils/" + id + "/attendance").object();
    JsonObject yesterdayAm =
        before.getJsonArray("marks").getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getString("date").equals(YESTERDAY) && m.getString("session").equals("AM"))
            .findFirst()
            .orElseThrow();
    String original = yesterdayAm.getString("code");
    boolean wasPresent = List.of("/", "\\", "L").contains(original);
    String corrected = wasPresent ? "I" : "/";

    Api.Reply noReason = office.put("api/v1/pupils/" + id + "/marks/" + YESTERDAY + "/AM", markRequest(corrected, null));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.object().getString("message")).contains("Give a reason").contains(original).contains(corrected);

    Api.Reply changed =
        office.put("api/v1/pupils/" + id + "/marks/" + YESTERDAY + "/AM", markRequest(corrected, "Mother rang at 08:20"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.object().getBoolean("amended")).isTrue();
    assertThat(changed.object().getString("previousCode")).isEqualTo(original);

    JsonObject history = office.get("api/v1/pupils/" + id + "/amendments").array().getJsonObject(0);
    assertThat(history.getString("originalCode")).isEqualTo(original);
    assertThat(history.getString("newCode")).isEqualTo(corrected);
    assertThat(history.getString("reason")).isEqualTo("Mother rang at 08:20");
    assertThat(history.getString("position")).isNotBlank();

    JsonObject after = office.get("api/v1/pupils/" + id + "/attendance").object();
    JsonObject was = before.getJsonObject("figures");
    JsonObject now = after.getJsonObject("figures");
    assertThat(now.getInt("possible")).isEqualTo(was.getInt("possible"));
    assertThat(now.getInt("attended")).isEqualTo(was.getInt("attended") + (wasPresent ? -1 : 1));
    // the stored figures behind the lists moved with the change and agree with the pupil's page
    JsonObject line =
        pupilsOf(office, primary).stream().filter(p -> p.getString("pupilId").equals(id)).findFirst().orElseThrow();
    assertThat(line.getJsonObject("figures")).isEqualTo(now);
  }

  @Test
  void marks_that_break_the_rules_are_refused_with_a_clear_message() {
    Api office = as(DemoSignIns.OFFICE_PRIMARY);
    String id = pupilsOf(office, school(office, DemoSignIns.PRIMARY_NAME)).get(5).getString("pupilId");
    String marks = "api/v1/pupils/" + id + "/marks/";

    Api.Reply legacy = office.put(marks + YESTERDAY + "/PM", markRequest("H", "old habits"));
    Api.Reply unknown = office.put(marks + YESTERDAY + "/PM", markRequest("Q9", "typo"));
    Api.Reply saturday = office.put(marks + "2026-11-14/AM", markRequest("/", null));
    Api.Reply tomorrow = office.put(marks + "2026-11-19/AM", markRequest("I", null));
    Api.Reply badSession = office.put(marks + YESTERDAY + "/XM", markRequest("/", null));
    Api.Reply badDate = office.put(marks + "17-11-2026/AM", markRequest("/", null));

    assertThat(legacy.status()).isEqualTo(400);
    assertThat(legacy.object().getString("message")).contains("historic code");
    assertThat(unknown.object().getString("message")).contains("is not a register code");
    assertThat(saturday.object().getString("message")).contains("does not meet");
    assertThat(tomorrow.object().getString("message")).contains("report a future absence");
    assertThat(badSession.object().getString("message")).contains("AM or PM");
    assertThat(badDate.object().getString("message")).contains("YYYY-MM-DD");
    assertThat(List.of(unknown, saturday, tomorrow, badSession, badDate)).allMatch(r -> r.status() == 400);
  }

  @Test
  void an_arrival_time_is_marked_late_before_the_register_closes_and_u_after() {
    Api office = as(DemoSignIns.OFFICE_ACADEMY);
    JsonObject academy = school(office, DemoSignIns.ACADEMY_NAME);
    LocalTime open = LocalTime.parse(academy.getString("amRegisterOpen"));
    LocalTime close = LocalTime.parse(academy.getString("amRegisterClose"));
    List<JsonObject> pupils = pupilsOf(office, academy);
    String first = pupils.get(10).getString("pupilId");
    String second = pupils.get(11).getString("pupilId");

    Api.Reply late =
        office.put("api/v1/pupils/" + first + "/marks/" + TODAY + "/AM",
            Json.createObjectBuilder().add("arrivalTime", open.plusMinutes(4).toString()).build());
    Api.Reply afterClose =
        office.put("api/v1/pupils/" + second + "/marks/" + TODAY + "/AM",
            Json.createObjectBuilder().add("arrivalTime", close.toString()).build());

    assertThat(late.status()).as(late.body()).isEqualTo(200);
    assertThat(late.object().getJsonObject("mark").getString("code")).isEqualTo("L");
    assertThat(late.object().getJsonObject("mark").getInt("minutesLate")).isEqualTo(4);
    assertThat(afterClose.object().getJsonObject("mark").getString("code")).isEqualTo("U");
  }

  @Test
  void persistent_and_severe_absence_lists_follow_the_dfe_rule_lowest_attendance_first() {
    Api head = as(DemoSignIns.HEAD_ACADEMY);
    JsonObject academy = school(head, DemoSignIns.ACADEMY_NAME);
    JsonObject summary = head.get("api/v1/schools/" + academy.getString("id") + "/attendance").object();
    List<JsonObject> pa = head.get("api/v1/schools/" + academy.getString("id") + "/persistent-absence").array().getValuesAs(JsonObject.class);
    List<JsonObject> sa = head.get("api/v1/schools/" + academy.getString("id") + "/severe-absence").array().getValuesAs(JsonObject.class);

    assertThat(pa).hasSize(summary.getInt("persistentlyAbsent")).isNotEmpty();
    assertThat(sa).hasSize(summary.getInt("severelyAbsent"));
    for (JsonObject line : pa) {
      JsonObject f = line.getJsonObject("figures");
      assertThat(f.getInt("attended") + f.getInt("authorised") + f.getInt("unauthorised")).isEqualTo(f.getInt("possible"));
      assertThat(10 * f.getInt("absent")).isGreaterThanOrEqualTo(f.getInt("possible"));
    }
    assertThat(pa.stream().map(l -> Double.parseDouble(l.getJsonObject("figures").getString("attendanceRate"))).toList())
        .isSorted();
    assertThat(sa).allSatisfy(l -> assertThat(2 * l.getJsonObject("figures").getInt("absent"))
        .isGreaterThanOrEqualTo(l.getJsonObject("figures").getInt("possible")));
    JsonObject pooled = summary.getJsonObject("pooled");
    int attended = summary.getJsonArray("pupils").getValuesAs(JsonObject.class).stream()
        .mapToInt(l -> l.getJsonObject("figures").getInt("attended")).sum();
    assertThat(pooled.getInt("attended")).isEqualTo(attended);
  }

  @Test
  void an_n_raises_a_task_to_resolve_it_in_five_school_days_and_coding_it_closes_the_task() {
    Api office = as(DemoSignIns.OFFICE_PRIMARY);
    JsonObject primary = school(office, DemoSignIns.PRIMARY_NAME);
    JsonObject pupil =
        pupilsOf(office, primary).stream()
            .filter(p -> p.getJsonObject("figures").getInt("unauthorised") == 0 && p.getJsonObject("figures").getInt("possible") > 20)
            .findFirst()
            .orElseThrow();
    String id = pupil.getString("pupilId");

    Api.Reply n = office.put("api/v1/pupils/" + id + "/marks/" + YESTERDAY + "/PM", markRequest("N", "Not back after lunch, no call"));
    assertThat(n.status()).as(n.body()).isEqualTo(200);
    JsonObject task =
        office.get("api/v1/pupils/" + id + "/tasks").array().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("kind").equals("N_TO_RESOLVE"))
            .findFirst()
            .orElseThrow();
    assertThat(task.getString("status")).isEqualTo("OPEN");
    assertThat(task.getString("dueDate")).isEqualTo("2026-11-24");
    assertThat(task.getString("ownerRole")).isEqualTo("OFFICE");
    List<JsonObject> officeList =
        office.get("api/v1/schools/" + primary.getString("id") + "/tasks?role=OFFICE").array().getValuesAs(JsonObject.class);
    assertThat(officeList).anySatisfy(t -> assertThat(t.getString("id")).isEqualTo(task.getString("id")));
    assertThat(officeList).allSatisfy(t -> assertThat(t.getString("ownerRole")).isEqualTo("OFFICE"));

    Api.Reply coded = office.put("api/v1/pupils/" + id + "/marks/" + YESTERDAY + "/PM", markRequest("M", "Dentist, letter brought in"));
    assertThat(coded.status()).as(coded.body()).isEqualTo(200);
    JsonObject after =
        office.get("api/v1/pupils/" + id + "/tasks").array().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("id").equals(task.getString("id")))
            .findFirst()
            .orElseThrow();
    assertThat(after.getString("status")).isEqualTo("NO_LONGER_NEEDED");
  }

  @Test
  void the_mis_sends_marks_with_its_own_api_key_all_or_nothing_and_changes_are_kept() {
    Api admin = as(DemoSignIns.ADMIN);
    JsonObject primary = school(admin, DemoSignIns.PRIMARY_NAME);
    JsonObject academy = school(admin, DemoSignIns.ACADEMY_NAME);
    String schoolId = primary.getString("id");
    Api.Reply created =
        admin.post("api/v1/schools/" + schoolId + "/import-keys", Json.createObjectBuilder().add("label", "MIS nightly").build());
    assertThat(created.status()).as(created.body()).isIn(200, 201);
    Api mis = api.withAuthorization("ApiKey " + created.object().getString("key"));
    JsonObject pupil = pupilsOf(admin, primary).get(20);
    String id = pupil.getString("pupilId");
    String upn = admin.get("api/v1/pupils/" + id).object().getString("upn");
    String before =
        admin.get("api/v1/pupils/" + id + "/attendance").object().getJsonArray("marks").getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getString("date").equals(YESTERDAY) && m.getString("session").equals("AM"))
            .map(m -> m.getString("code"))
            .findFirst()
            .orElseThrow();
    String changedTo = before.equals("I") ? "M" : "I";
    var good = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("upn", upn).add("date", YESTERDAY).add("session", "AM").add("code", changedTo))
        .build();
    var bad = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("upn", upn).add("date", YESTERDAY).add("session", "PM").add("code", "/"))
        .add(Json.createObjectBuilder().add("upn", upn).add("date", "2026-11-16").add("session", "AM").add("code", "H"))
        .build();

    Api.Reply refused = mis.post("api/v1/schools/" + schoolId + "/imports/marks", bad);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("historic");
    Api.Reply applied = mis.post("api/v1/schools/" + schoolId + "/imports/marks", good);
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);

    JsonObject after = admin.get("api/v1/pupils/" + id + "/attendance").object();
    assertThat(after.getJsonArray("marks").getValuesAs(JsonObject.class))
        .anySatisfy(m -> {
          assertThat(m.getString("date") + m.getString("session")).isEqualTo(YESTERDAY + "AM");
          assertThat(m.getString("code")).isEqualTo(changedTo);
        });
    assertThat(admin.get("api/v1/pupils/" + id + "/amendments").array().getJsonObject(0).getString("reason")).startsWith("MIS import");
    assertThat(mis.get("api/v1/schools").status()).isEqualTo(401);
    assertThat(mis.post("api/v1/schools/" + academy.getString("id") + "/imports/marks", good).status()).isIn(401, 403, 404);
  }

  @Test
  void a_teacher_sees_only_their_own_class() {
    Api teacher = as(DemoSignIns.TEACHER_PRIMARY);
    Api office = as(DemoSignIns.OFFICE_PRIMARY);
    JsonObject primary = school(office, DemoSignIns.PRIMARY_NAME);
    List<JsonObject> mine = pupilsOf(teacher, primary);
    List<JsonObject> everyone = pupilsOf(office, primary);
    String outsider =
        everyone.stream().map(p -> p.getString("pupilId"))
            .filter(id -> mine.stream().noneMatch(m -> m.getString("pupilId").equals(id)))
            .findFirst()
            .orElseThrow();

    assertThat(mine).isNotEmpty().allSatisfy(p -> assertThat(p.getString("group")).isEqualTo(DemoSignIns.TEACHER_PRIMARY_CLASS));
    assertThat(everyone.size()).isGreaterThan(mine.size());
    assertThat(teacher.get("api/v1/pupils/" + outsider + "/attendance").status()).isEqualTo(404);
    assertThat(teacher.put("api/v1/pupils/" + outsider + "/marks/" + YESTERDAY + "/PM", markRequest("O", "no reason")).status())
        .isEqualTo(404);
  }

  @Test
  void staff_confirm_a_recommended_stage_and_the_case_keeps_the_decision() {
    Api attendance = as(DemoSignIns.ATTENDANCE_ACADEMY);
    Api office = as(DemoSignIns.OFFICE_ACADEMY);
    JsonObject academy = school(attendance, DemoSignIns.ACADEMY_NAME);
    List<JsonObject> pending =
        attendance.get("api/v1/schools/" + academy.getString("id") + "/recommendations").array().getValuesAs(JsonObject.class);
    assertThat(pending).hasSizeGreaterThan(2);
    JsonObject first = pending.get(0);
    JsonObject second = pending.get(1);
    assertThat(first.getString("reasons")).contains("sessions");

    Api.Reply byOffice =
        office.post("api/v1/recommendations/" + first.getString("id") + "/confirm", markRequest(null, "agreed"));
    assertThat(byOffice.status()).isEqualTo(403);
    Api.Reply confirmed =
        attendance.post("api/v1/recommendations/" + first.getString("id") + "/confirm",
            markRequest(null, "Agreed at the fortnightly attendance meeting"));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.object().getString("stage")).isEqualTo(first.getString("recommendedStage"));
    assertThat(confirmed.object().get("pending")).as("no recommendation left waiting").isIn(null, JsonValue.NULL);
    JsonObject event = confirmed.object().getJsonArray("chronology").getJsonObject(0);
    assertThat(event.getString("kind")).isEqualTo("STAGE_CHANGED");
    assertThat(event.getString("text")).contains("Agreed at the fortnightly attendance meeting");

    Api.Reply again = attendance.post("api/v1/recommendations/" + first.getString("id") + "/confirm", markRequest(null, null));
    assertThat(again.status()).isEqualTo(400);
    Api.Reply declineWithoutReason =
        attendance.post("api/v1/recommendations/" + second.getString("id") + "/decline", markRequest(null, null));
    assertThat(declineWithoutReason.status()).isEqualTo(400);
    assertThat(declineWithoutReason.object().getString("message")).contains("Say why");
  }
}
