package org.schoolgate.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now". Every rule that depends on the time of day (register close, sign-in
 * code expiry, deadlines) takes this clock, in the schools' zone, so tests and demos can fix it.
 */
@ApplicationScoped
public class ClockProducer {

  private Clock clock;

  protected ClockProducer() {}

  @Inject
  public ClockProducer(
      @ConfigProperty(name = "schoolgate.zone", defaultValue = "Europe/London") String zone,
      @ConfigProperty(name = "schoolgate.clock.start") Optional<String> start) {
    ZoneId zoneId = ZoneId.of(zone);
    this.clock =
        start
            .filter(value -> !value.isBlank())
            .map(value -> startingAt(Instant.parse(value.trim()), zoneId))
            .orElseGet(() -> Clock.system(zoneId));
  }

  /**
   * A clock that reads the given instant when the application starts and then runs on in real
   * time, so a demo or a test can begin "on Wednesday at 08:10" and still see minutes pass: codes
   * expire, and what happens later is ordered later.
   */
  static Clock startingAt(Instant start, ZoneId zone) {
    Clock system = Clock.system(zone);
    return Clock.offset(system, Duration.between(system.instant(), start));
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return clock;
  }
}
