package org.schoolgate.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.identity.application.StaffSignIn;
import org.schoolgate.testing.Chromium;
import org.schoolgate.testing.SchoolgateDeployment;
import org.schoolgate.testing.VaadinPage;

/**
 * Signing in, in a real Chromium: a member of the office on a desktop, and a parent on a 360x740
 * phone who gets a code, types it and sees their children.
 */
@ExtendWith(ArquillianExtension.class)
class SignInBrowserIT {

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

  @Test
  void the_office_signs_in_on_a_desktop_and_sees_their_school_today() {
    browser = Chromium.start(Chromium.DESKTOP);
    VaadinPage page = new VaadinPage(browser, base());

    page.open("staff");
    page.waitForPath("/signin");
    page.type(By.id("vaadinLoginUsername"), DemoSignIns.OFFICE_ACADEMY);
    page.type(By.id("vaadinLoginPassword"), DemoSignIns.PASSWORD + Keys.ENTER);

    page.waitForPath("/staff");
    assertThat(page.waitFor(By.cssSelector(".sg-page h1")).getText()).startsWith("Good morning,");
    assertThat(page.waitFor(By.id("signed-in-as")).getText()).isNotBlank();
    assertThat(page.waitFor(By.className("sg-card")).getText())
        .contains(DemoSignIns.ACADEMY_NAME, "Office", "A school day. Registers close at 08:55");

    page.open("staff/pupils");
    page.type(By.id("pupil-search"), "Kowalski");
    page.until("a pupil called Kowalski in the search results",
        d -> page.texts(By.cssSelector("vaadin-grid-cell-content")).stream().anyMatch(t -> t.contains("Kowalski")) ? true : null);

    page.click(By.id("sign-out"));
    page.open("staff");
    page.waitForPath("/signin");
  }

  @Test
  void a_wrong_password_is_refused_without_saying_whether_the_account_exists() {
    browser = Chromium.start(Chromium.DESKTOP);
    VaadinPage page = new VaadinPage(browser, base());

    page.open("signin");
    page.type(By.id("vaadinLoginUsername"), DemoSignIns.OFFICE_PRIMARY);
    page.type(By.id("vaadinLoginPassword"), "wrong-password" + Keys.ENTER);
    String known = page.until("the sign-in error", d -> errorText(page));
    page.open("signin");
    page.type(By.id("vaadinLoginUsername"), "no.such.person");
    page.type(By.id("vaadinLoginPassword"), "wrong-password" + Keys.ENTER);
    String unknown = page.until("the sign-in error", d -> errorText(page));

    assertThat(page.path()).isEqualTo("/signin");
    assertThat(known).contains(StaffSignIn.GENERIC_FAILURE).isEqualTo(unknown);
  }

  @Test
  void a_parent_on_a_phone_signs_in_with_a_code_and_sees_both_children() {
    browser = Chromium.start(Chromium.PHONE);
    VaadinPage page = new VaadinPage(browser, base());

    page.open("");
    page.click(By.id("choose-parent"));
    page.waitForPath("/parent/signin");
    assertThat(page.scrollsSideways()).as("the sign-in page fits a 360px phone").isFalse();
    page.type(By.id("destination"), DemoSignIns.AMIRA_HADDAD.mobile());
    page.click(By.id("send-code"));
    page.waitFor(By.id("code"));

    String code = codeFromDevOutbox(page, DemoSignIns.AMIRA_HADDAD.mobileE164());
    page.type(By.id("code"), code);
    page.click(By.id("sign-in"));

    page.waitForPath("/parent");
    page.until("two child cards", d -> page.texts(By.className("sg-child-card")).size() == 2 ? true : null);
    assertThat(page.texts(By.className("sg-child-card")))
        .anySatisfy(card -> assertThat(card).contains(DemoSignIns.YASMIN_HADDAD.lastName(), "Year 2", DemoSignIns.YASMIN_HADDAD.schoolName()))
        .anySatisfy(card -> assertThat(card).contains(DemoSignIns.OMAR_HADDAD.lastName(), "Year 8", DemoSignIns.OMAR_HADDAD.schoolName()));
    assertThat(page.scrollsSideways()).as("the home page fits a 360px phone").isFalse();

    page.open("staff");
    page.waitForText(By.tagName("body"), "We could not find that page");
    assertThat(browser.findElements(By.className("sg-staff"))).as("a parent never sees a staff screen").isEmpty();
  }

  private String codeFromDevOutbox(VaadinPage page, String destination) {
    String portal = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    page.open("dev/outbox");
    Pattern sentTo = Pattern.compile("\\b(\\d{6})\\b");
    String code =
        page.until("a sign-in code for " + destination + " in the dev outbox", d -> {
          String cells = String.valueOf(page.js(
              "return Array.from(document.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join('\\n')"));
          int at = cells.indexOf(destination);
          if (at < 0) {
            return null;
          }
          Matcher m = sentTo.matcher(cells.substring(at));
          return m.find() ? m.group(1) : null;
        });
    browser.close();
    browser.switchTo().window(portal);
    return code;
  }

  /** The error the login form shows once it is in its error state, or nothing before then. */
  private static String errorText(VaadinPage page) {
    Object text = page.js(
        "const f = document.querySelector('vaadin-login-form');"
            + " return f && f.error ? f.i18n.errorMessage.title + ': ' + f.i18n.errorMessage.message : null;");
    return text == null ? null : text.toString();
  }

  private URI base() {
    return SchoolgateDeployment.baseUri(deployed);
  }
}
