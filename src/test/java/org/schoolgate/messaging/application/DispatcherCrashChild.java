package org.schoolgate.messaging.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolgate.messaging.application.OutboxDispatcher.Settings;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;

/**
 * A dispatcher in a JVM of its own, for the crash test to kill: arguments are the JDBC URL and the
 * stand-in provider's address. It sends until it is killed.
 */
public final class DispatcherCrashChild {

  private DispatcherCrashChild() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    ds.setPassword("postgres");
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            new OutboxStore(ds),
            Map.of(Channel.SMS, new HttpSmsSender(URI.create(args[1]), Duration.ofMinutes(5))),
            new Settings("crashing-node", 8, 50, Duration.ofMillis(20), Duration.ofHours(1), Map.of(),
                QuietHours.parse("", ZoneId.of("Europe/London")), RetryPolicy.defaults()),
            Clock.systemUTC(),
            r -> new Thread(r));
    dispatcher.start();
    System.out.println("dispatching");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
