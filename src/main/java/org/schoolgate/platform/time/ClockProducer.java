package org.schoolgate.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
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
      @ConfigProperty(name = "schoolgate.clock.fixed") Optional<String> fixed) {
    ZoneId zoneId = ZoneId.of(zone);
    this.clock =
        fixed
            .filter(value -> !value.isBlank())
            .map(value -> Clock.fixed(Instant.parse(value.trim()), zoneId))
            .orElseGet(() -> Clock.system(zoneId));
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return clock;
  }
}
