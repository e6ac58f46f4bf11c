package org.schoolgate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
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
import org.schoolgate.testing.DevOutboxCodes;
import org.schoolgate.testing.SchoolgateDeployment;

/**
 * The real WAR on Payara Micro with PostgreSQL and the demo trust: health, the API description,
 * staff and parent sign-in through the REST API, who may see which pupil, and the access audit.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformApiIT {

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

  @Test
  void health_is_up_and_checks_the_database() {
    Api.Reply health = api.get("health");

    assertThat(health.status()).isEqualTo(200);
    JsonObject body = health.object();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("checks").getValuesAs(JsonObject.class))
        .anySatisfy(c -> {
          assertThat(c.getString("name")).isEqualTo("database");
          assertThat(c.getString("status")).isEqualTo("UP");
        });
  }

  @Test
  void openapi_describes_every_endpoint_under_api_v1_with_its_security_schemes() {
    Api.Reply openapi = api.get("openapi?format=JSON");

    assertThat(openapi.status()).isEqualTo(200);
    JsonObject doc = openapi.object();
    assertThat(doc.getString("openapi")).startsWith("3.");
    assertThat(doc.getJsonObject("info").getString("title")).isEqualTo("Schoolgate API");
    JsonObject paths = doc.getJsonObject("paths");
    assertThat(paths.keySet())
        .contains("/api/v1/auth/staff/token", "/api/v1/auth/parent/code", "/api/v1/auth/parent/token", "/api/v1/me",
            "/api/v1/me/children", "/api/v1/schools", "/api/v1/pupils/{pupilId}");
    assertThat(paths.keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    // Every operation states what it answers.
    paths.values().forEach(item -> item.asJsonObject().values().forEach(op -> {
      if (op.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT && op.asJsonObject().containsKey("responses")) {
        assertThat(op.asJsonObject().getJsonObject("responses")).isNotEmpty();
      }
    }));
    assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").keySet()).contains("staff", "bearer");
  }

  @Test
  void a_demo_member_of_staff_signs_in_and_sees_their_schools() {
    Api.Reply token = api.post("api/v1/auth/staff/token", credentials(DemoSignIns.OFFICE_PRIMARY, DemoSignIns.PASSWORD));

    assertThat(token.status()).isEqualTo(200);
    assertThat(token.object().getString("kind")).isEqualTo("STAFF");
    Api staff = api.withToken(token.object().getString("token"));
    List<String> schools = staff.get("api/v1/schools").array().getValuesAs(JsonObject.class).stream()
        .map(s -> s.getString("name")).toList();
    assertThat(schools).containsExactly(DemoSignIns.PRIMARY_NAME);
  }

  @Test
  void a_wrong_password_and_an_unknown_username_get_the_same_answer() {
    Api.Reply wrongPassword = api.post("api/v1/auth/staff/token", credentials(DemoSignIns.OFFICE_ACADEMY, "not-the-password"));
    Api.Reply unknownUser = api.post("api/v1/auth/staff/token", credentials("nobody.here", "not-the-password"));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.object().getString("message")).isEqualTo(unknownUser.object().getString("message"));
  }

  @Test
  void a_parent_signs_in_with_a_code_and_sees_only_their_own_children() {
    String email = DemoSignIns.SARAH_JONES.email();
    Api.Reply asked = api.post("api/v1/auth/parent/code", Json.createObjectBuilder().add("destination", email).build());
    Api.Reply askedForStranger =
        api.post("api/v1/auth/parent/code", Json.createObjectBuilder().add("destination", "stranger@example.net").build());

    assertThat(asked.status()).isEqualTo(202);
    assertThat(askedForStranger.status()).isEqualTo(202);
    assertThat(asked.object().getString("message")).isEqualTo(askedForStranger.object().getString("message"));
    String code = DevOutboxCodes.latestCodeFor(email).orElseThrow();

    Api.Reply wrong = api.post("api/v1/auth/parent/token", codeAnswer(email, code.equals("000000") ? "111111" : "000000"));
    assertThat(wrong.status()).isEqualTo(401);
    Api.Reply token = api.post("api/v1/auth/parent/token", codeAnswer(email, code));
    assertThat(token.status()).isEqualTo(200);
    Api parent = api.withToken(token.object().getString("token"));

    List<JsonObject> children = parent.get("api/v1/me/children").array().getValuesAs(JsonObject.class);
    assertThat(children).extracting(c -> c.getString("legalLastName")).containsOnly(DemoSignIns.SARAH_JONES.lastName());
    assertThat(children).extracting(c -> c.getString("schoolName"))
        .containsExactlyInAnyOrder(DemoSignIns.ELLA_JONES.schoolName(), DemoSignIns.HARRY_JONES.schoolName());
    assertThat(children).as("parents never see a UPN")
        .allSatisfy(c -> assertThat(c.containsKey("upn") ? c.get("upn").getValueType() : jakarta.json.JsonValue.ValueType.NULL)
            .isEqualTo(jakarta.json.JsonValue.ValueType.NULL));
    for (JsonObject child : children) {
      assertThat(parent.get("api/v1/pupils/" + child.getString("id")).status()).isEqualTo(200);
    }

    String someoneElsesChild = anyPupilId(DemoSignIns.AMIRA_HADDAD.lastName());
    assertThat(parent.get("api/v1/pupils/" + someoneElsesChild).status()).isEqualTo(404);
    // Guardians' contact details are for staff: refused to a parent whichever child is asked about.
    assertThat(parent.get("api/v1/pupils/" + someoneElsesChild + "/guardians").status()).isEqualTo(403);
    assertThat(parent.get("api/v1/pupils/" + children.get(0).getString("id") + "/guardians").status()).isEqualTo(403);
    assertThat(parent.get("api/v1/schools").status()).isIn(403, 404);
  }

  @Test
  void a_teacher_finds_pupils_in_their_class_but_not_the_rest_of_the_school() {
    Api teacher = api.withBasic(DemoSignIns.TEACHER_PRIMARY, DemoSignIns.PASSWORD);
    String schoolId = teacher.get("api/v1/schools").array().getJsonObject(0).getString("id");

    List<JsonObject> found = teacher.get("api/v1/schools/" + schoolId + "/pupils?limit=500").array().getValuesAs(JsonObject.class);

    assertThat(found).isNotEmpty();
    assertThat(found).extracting(p -> p.getInt("yearGroup")).containsOnly(4);
    String outsideTheClass = anyPupilIdInYear(schoolId, 2);
    assertThat(teacher.get("api/v1/pupils/" + outsideTheClass).status()).isEqualTo(404);
  }

  @Test
  void every_staff_read_of_a_pupil_record_is_in_the_access_audit() {
    Api admin = api.withBasic(DemoSignIns.ADMIN, DemoSignIns.PASSWORD);
    String pupilId = anyPupilId(DemoSignIns.LUKASZ_KOWALSKI.lastName());
    long before = DevOutboxCodes.count("select count(*) from access_audit where pupil_id = ?::uuid", pupilId);

    assertThat(admin.get("api/v1/pupils/" + pupilId).status()).isEqualTo(200);
    assertThat(admin.get("api/v1/pupils/" + pupilId + "/guardians").status()).isEqualTo(200);

    long after = DevOutboxCodes.count("select count(*) from access_audit where pupil_id = ?::uuid", pupilId);
    assertThat(after - before).isEqualTo(2);
  }

  @Test
  void a_malformed_mobile_number_is_refused_with_a_message_naming_the_field() {
    Api.Reply reply = api.post("api/v1/auth/parent/code", Json.createObjectBuilder().add("destination", "07abc").build());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.object().getString("message")).containsIgnoringCase("mobile");
  }

  @Test
  void codes_for_one_mobile_are_limited_to_five_an_hour() {
    JsonObject request = Json.createObjectBuilder().add("destination", DemoSignIns.KARIM_HADDAD.mobile()).build();

    for (int i = 1; i <= 5; i++) {
      assertThat(api.post("api/v1/auth/parent/code", request).status()).as("request " + i).isEqualTo(202);
    }
    Api.Reply sixth = api.post("api/v1/auth/parent/code", request);

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.object().getString("message")).contains("Too many codes");
    assertThat(DevOutboxCodes.count("select count(*) from dev_outbox where destination = ?", DemoSignIns.KARIM_HADDAD.mobileE164()))
        .isEqualTo(5);
  }

  @Test
  void calls_without_credentials_are_refused() {
    assertThat(api.get("api/v1/schools").status()).isEqualTo(401);
    assertThat(api.get("api/v1/me/children").status()).isEqualTo(401);
  }

  private String anyPupilId(String lastName) {
    Api admin = api.withBasic(DemoSignIns.ADMIN, DemoSignIns.PASSWORD);
    for (JsonObject school : admin.get("api/v1/schools").array().getValuesAs(JsonObject.class)) {
      var hits = admin.get("api/v1/schools/" + school.getString("id") + "/pupils?q=" + lastName).array();
      if (!hits.isEmpty()) {
        return hits.getJsonObject(0).getString("id");
      }
    }
    throw new AssertionError("The demo trust has no pupil called " + lastName);
  }

  private String anyPupilIdInYear(String schoolId, int year) {
    Api admin = api.withBasic(DemoSignIns.ADMIN, DemoSignIns.PASSWORD);
    return admin.get("api/v1/schools/" + schoolId + "/pupils?limit=500").array().getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getInt("yearGroup") == year)
        .map(p -> p.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject credentials(String username, String password) {
    return Json.createObjectBuilder().add("username", username).add("password", password).build();
  }

  private static JsonObject codeAnswer(String destination, String code) {
    return Json.createObjectBuilder().add("destination", destination).add("code", code).build();
  }
}
