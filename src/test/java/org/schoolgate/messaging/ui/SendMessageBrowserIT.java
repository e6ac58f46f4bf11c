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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.testing.Api;
import org.schoolgate.testing.Chromium;
import org.schoolgate.testing.SchoolgateDeployment;
import org.schoolgate.testing.VaadinPage;

/**
 * Sending a message in a real Chromium on the demo trust (texts and emails go to the dev outbox):
 * the office previews the first-day message about a pupil, sees what each parent gets, sends it,
 * and finds it on the Messages screen with its delivery status.
 */
@ExtendWith(ArquillianExtension.class)
class SendMessageBrowserIT {

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

  String pupilId(String name) {
    Api office = new Api(SchoolgateDeployment.baseUri(deployed)).withBasic(DemoSignIns.OFFICE_ACADEMY, DemoSignIns.PASSWORD);
    String academy = office.get("api/v1/schools").array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(DemoSignIns.ACADEMY_NAME)).findFirst().orElseThrow().getString("id");
    return office.get("api/v1/schools/" + academy + "/attendance").object().getJsonArray("pupils").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow().getString("pupilId");
  }

  VaadinPage signIn(String username) {
    browser = Chromium.start(Chromium.DESKTOP);
    return new VaadinPage(browser, URI.create(SchoolgateDeployment.baseUri(deployed).toString())).signInAsStaff(username);
  }

  void choose(VaadinPage page, String selectId, String itemText) {
    page.click(By.id(selectId));
    WebElement item = page.until("the option " + itemText, d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
        .filter(e -> e.getText().trim().equals(itemText)).findFirst().orElse(null));
    item.click();
  }

  @Test
  void the_office_previews_and_sends_the_first_day_message_and_sees_it_delivered() {
    String harry = pupilId("Harry Jones");
    VaadinPage page = signIn(DemoSignIns.OFFICE_ACADEMY);

    page.open("staff/pupils/" + harry);
    page.click(By.id("pupil-message-link"));
    page.waitFor(By.id("send-template"));
    choose(page, "send-template", "Absence first day");
    page.click(By.id("send-preview-button"));

    page.waitForText(By.id("send-preview"), "Harry");
    // Read from the page itself: a long preview scrolls inside the dialog, out of the visible area.
    @SuppressWarnings("unchecked")
    java.util.List<String> headings = (java.util.List<String>) page.js(
        "return Array.from(document.querySelectorAll('#send-preview h4')).map(e => e.textContent.trim())");
    assertThat(headings).contains("Ms Jones · Email · sarah.jones@example.com", "Mr Jones · Text message · +447400100003");
    @SuppressWarnings("unchecked")
    java.util.List<String> lengths = (java.util.List<String>) page.js(
        "return Array.from(document.querySelectorAll('#send-preview .sg-muted')).map(e => e.textContent.trim())");
    assertThat(lengths)
        .anySatisfy(t -> assertThat(t).matches("\\d text messages?, \\d+ characters \\(GSM-7\\)"));

    page.click(By.id("send-button"));
    page.until("back on the pupil's page", d -> page.path().equals("/staff/pupils/" + harry) ? true : null);

    page.open("staff/messages");
    page.click(By.xpath("//vaadin-tab[normalize-space(.)='All messages']"));
    page.until("the two messages about Harry with their status", d -> {
      var cells = page.texts(By.cssSelector("#messages-grid vaadin-grid-cell-content"));
      long aboutHarry = cells.stream().filter(t -> t.equals("Harry Jones")).count();
      return aboutHarry >= 2 && cells.contains("Delivered") && cells.contains("Sent") ? true : null;
    });

    page.open("dev/outbox");
    page.until("the text in the dev outbox", d -> page.texts(By.cssSelector("vaadin-grid-cell-content")).stream()
        .anyMatch(t -> t.contains("Harry") && t.contains(DemoSignIns.ACADEMY_NAME)) ? true : null);
  }
}
