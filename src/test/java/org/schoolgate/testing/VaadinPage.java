package org.schoolgate.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page object needs from a Vaadin screen in a real browser: open a route, wait for a
 * component (never sleep), type into Vaadin fields, read text as a person sees it.
 */
public class VaadinPage {

  protected final WebDriver driver;
  protected final URI base;
  private final WebDriverWait wait;

  public VaadinPage(WebDriver driver, URI base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Signs a member of staff in with the demo password and waits for their home screen. */
  public VaadinPage signInAsStaff(String username) {
    open("signin");
    type(org.openqa.selenium.By.id("vaadinLoginUsername"), username);
    type(org.openqa.selenium.By.id("vaadinLoginPassword"), org.schoolgate.demo.DemoSignIns.PASSWORD + org.openqa.selenium.Keys.ENTER);
    waitForPath("/staff");
    return this;
  }

  public void open(String route) {
    driver.get(base.resolve(route).toString());
    waitUntilVaadinIsReady();
  }

  protected void waitUntilVaadinIsReady() {
    wait.until(d -> Boolean.TRUE.equals(js(
        "return !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients || {})"
            + ".every(c => !c.isActive || !c.isActive())")));
  }

  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public void waitForPath(String path) {
    until("the browser to reach " + path, d -> URI.create(d.getCurrentUrl()).getPath().equals(path) ? true : null);
    waitUntilVaadinIsReady();
  }

  /** Types into a Vaadin text field (its native input sits in the light DOM). */
  public void type(By field, String text) {
    WebElement input = waitFor(field).findElement(By.cssSelector("input"));
    input.clear();
    input.sendKeys(text);
  }

  public void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    waitUntilVaadinIsReady();
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public List<String> texts(By by) {
    return driver.findElements(by).stream().map(WebElement::getText).toList();
  }

  /** Whether the page is wider than the window, i.e. the person would have to scroll sideways. */
  public boolean scrollsSideways() {
    return Boolean.TRUE.equals(js("return document.documentElement.scrollWidth > window.innerWidth + 1"));
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until the condition gives a value; a timeout names what was awaited and where the browser was. */
  public <T> T until(String awaited, java.util.function.Function<WebDriver, T> condition) {
    WebDriverWait described = new WebDriverWait(driver, Duration.ofSeconds(30));
    described.withMessage(() -> awaited + " (the browser is at " + driver.getCurrentUrl() + ")");
    return described.until(condition);
  }
}
