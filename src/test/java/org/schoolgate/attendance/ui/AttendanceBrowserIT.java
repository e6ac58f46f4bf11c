package org.schoolgate.attendance.ui;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.schoolgate.demo.DemoSignIns;
import org.schoolgate.testing.Chromium;
import org.schoolgate.testing.SchoolgateDeployment;
import org.schoolgate.testing.VaadinPage;

/**
 * The attendance screens in a real Chromium on the demo trust, at 08:10 on Wednesday 18 November
 * 2026: a class teacher takes the morning register, and the attendance officer opens the pupil
 * with the lowest attendance and confirms the recommended stage.
 */
@ExtendWith(ArquillianExtension.class)
class AttendanceBrowserIT {

  static final Pattern REGISTER_STATUS = Pattern.compile("(\\d+) pupils, (\\d+) not yet marked");

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

  @Test
  void a_class_teacher_takes_the_morning_register_in_two_clicks() {
    VaadinPage page = signIn(DemoSignIns.TEACHER_PRIMARY);

    page.open("staff/register");
    Matcher before = page.until("the register for the teacher's class", d -> {
      Matcher m = REGISTER_STATUS.matcher(d.findElement(By.id("register-status")).getText());
      return m.find() && Integer.parseInt(m.group(1)) > 0 ? m : null;
    });
    int pupils = Integer.parseInt(before.group(1));
    assertThat(Integer.parseInt(before.group(2))).as("nobody is marked yet this morning").isEqualTo(pupils);

    page.click(By.id("register-all-present"));
    page.click(By.id("register-save"));

    page.waitForText(By.id("register-status"), pupils + " pupils, 0 not yet marked");
    page.open("staff/attendance");
    page.waitForText(By.id("pooled-figures"), DemoSignIns.TEACHER_PRIMARY_CLASS + ":");
    assertThat(page.waitFor(By.id("pooled-figures")).getText()).contains(pupils + " pupils");
  }

  @Test
  void the_office_uploads_a_marks_file_with_bad_lines_and_sees_them_by_line_with_nothing_applied() throws Exception {
    VaadinPage page = signIn(DemoSignIns.OFFICE_ACADEMY);
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("marks", ".csv");
    java.nio.file.Files.writeString(csv, "upn,date,session,code\nX999999999999,2026-11-17,AM,/\nX999999999999,2026-11-17,PM,Q9\n");

    page.open("staff/imports");
    WebElement upload = page.waitFor(By.id("import-upload"));
    upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());

    page.waitForText(By.id("import-outcome"), "Nothing was imported");
    String outcome = page.waitFor(By.id("import-outcome")).getText();
    assertThat(outcome).contains("2: ", "3: ", "Q9");
    page.until("the refused run in the history", d -> page.texts(By.cssSelector("#import-runs vaadin-grid-cell-content")).stream()
        .anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("mark")) ? true : null);
  }

  @Test
  void the_attendance_officer_opens_the_lowest_pupil_and_confirms_the_recommended_stage() {
    VaadinPage page = signIn(DemoSignIns.ATTENDANCE_ACADEMY);

    page.open("staff/attendance");
    page.waitForText(By.id("pooled-figures"), DemoSignIns.ACADEMY_NAME);
    WebElement lowest = page.until("a pupil in the list", d -> d.findElements(By.cssSelector("#attendance-grid vaadin-grid-cell-content")).stream()
        .filter(e -> e.getText().matches("[A-ZÀ-Ž][\\p{L}'-]+ [A-ZÀ-Ž][\\p{L}' -]+") && !e.getText().startsWith("Sessions"))
        .findFirst().orElse(null));
    String name = lowest.getText();
    lowest.click();

    page.until("the pupil's attendance page", d -> page.path().endsWith("/attendance") && page.path().startsWith("/staff/pupils/") ? true : null);
    assertThat(page.waitFor(By.cssSelector(".sg-page h1")).getText()).startsWith(name + ": attendance");
    assertThat(page.waitFor(By.id("pupil-figures")).getText()).contains("Attendance", "sessions", "hours", "lessons");
    assertThat(browser.findElements(By.cssSelector("#trend-chart svg polyline"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#trend-chart .sg-trend-line-90"))).hasSize(1);
    assertThat(page.waitFor(By.id("session-calendar")).getText()).contains("Unauthorised absence", "No mark yet");
    assertThat(browser.findElements(By.cssSelector("#session-calendar .sg-cal-unauthorised")).size()).isGreaterThan(5);

    String recommended = page.waitFor(By.id("stage-recommendation")).getText();
    assertThat(recommended).startsWith("Recommended: ");
    page.type(By.id("recommendation-note"), "Discussed at the attendance meeting");
    page.click(By.id("recommendation-confirm"));

    page.until("the stage to change", d -> d.findElements(By.id("stage-recommendation")).isEmpty() ? true : null);
    assertThat(page.waitFor(By.id("pupil-stage")).getText()).doesNotContain("Expect & Monitor");
  }
}
