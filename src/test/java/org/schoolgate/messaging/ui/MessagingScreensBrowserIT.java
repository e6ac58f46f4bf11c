package org.schoolgate.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.testing.Api;
import org.schoolgate.testing.Chromium;
import org.schoolgate.testing.SchoolgateDeployment;
import org.schoolgate.testing.VaadinPage;

/**
 * The headteacher opens every messaging screen in a real Chromium on the demo trust, with texts
 * through the Twilio stand-in's configuration: each shows the school's own data, not an error.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingScreensBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SchoolgateDeployment.war();
  }

  @ArquillianResource URL deployed;
  ChromeDriver browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  VaadinPage signIn(String username) {
    browser = Chromium.start(Chromium.DESKTOP);
    return new VaadinPage(browser, URI.create(SchoolgateDeployment.baseUri(deployed).toString())).signInAsStaff(username);
  }

  String pupilId(String name) {
    Api head = new Api(SchoolgateDeployment.baseUri(deployed)).withBasic(DemoSignIns.HEAD_ACADEMY, DemoSignIns.PASSWORD);
    String academy = head.get("api/v1/schools").array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(DemoSignIns.ACADEMY_NAME)).findFirst().orElseThrow().getString("id");
    return head.get("api/v1/schools/" + academy + "/attendance").object().getJsonArray("pupils").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow().getString("pupilId");
  }

  void noErrorShown(VaadinPage page) {
    assertThat(browser.getPageSource()).doesNotContain("Internal error").doesNotContain("Could not navigate");
  }

  @Test
  void the_headteacher_opens_templates_the_editor_bulk_sends_messages_and_a_pupils_log() {
    String omar = pupilId("Omar Haddad");
    VaadinPage page = signIn(DemoSignIns.HEAD_ACADEMY);

    page.open("staff/templates");
    page.waitForText(By.id("templates-summary"), "messages; the school uses its own wording for");
    assertThat(page.waitFor(By.id("templates-summary")).getText()).startsWith("16 messages");
    noErrorShown(page);

    page.open("staff/templates/absence-first-day");
    page.waitFor(By.id("template-sms-length"));
    page.waitFor(By.id("template-save"));
    assertThat(page.waitFor(By.id("template-fields")).getText()).contains("pupil_first_name");
    noErrorShown(page);

    page.open("staff/messages/bulk");
    page.waitFor(By.id("bulk-school"));
    page.waitFor(By.id("bulk-template"));
    noErrorShown(page);

    page.open("staff/messages");
    page.waitFor(By.id("messages-tabs"));
    page.waitForText(By.id("messages-summary"), "Today:");
    noErrorShown(page);

    page.open("staff/pupils/" + omar + "/log");
    page.until("the log or its empty state", d -> !d.findElements(By.id("log-timeline")).isEmpty()
        || !d.findElements(By.id("log-empty")).isEmpty() ? true : null);
    page.waitFor(By.id("log-filter-kind"));
    noErrorShown(page);
  }
}
