package org.schoolgate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real Chromium from the operating system's packages, driven through its own ChromeDriver, so no
 * test tool ever downloads a browser. Missing Chromium fails the test: browser tests never skip.
 */
public final class Chromium {

  public static final String BROWSER = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";

  /** A desktop window, as office staff use. */
  public static final Dimension DESKTOP = new Dimension(1366, 900);

  /** A small Android phone, as many parents use. */
  public static final Dimension PHONE = new Dimension(360, 740);

  private Chromium() {}

  public static ChromeDriver start(Dimension viewport) {
    if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    }
    try {
      Path profile = Files.createTempDirectory("schoolgate-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + profile,
          "--window-size=" + viewport.getWidth() + "," + viewport.getHeight());
      if (viewport.equals(PHONE)) {
        // Emulate the phone's CSS viewport, pixel ratio and touch, not just a narrow window.
        options.setExperimentalOption(
            "mobileEmulation",
            java.util.Map.of(
                "deviceMetrics",
                java.util.Map.of("width", viewport.getWidth(), "height", viewport.getHeight(), "pixelRatio", 2.0, "touch", true),
                "userAgent",
                "Mozilla/5.0 (Linux; Android 13; SM-A145R) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
      }
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not create a Chromium profile folder", e);
    }
  }
}
