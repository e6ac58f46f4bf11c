package org.schoolgate.messaging.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.application.OutboxDispatcher.ChannelSender;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;

/**
 * Runs the outbox dispatcher on this node from start-up to shutdown. Every node of a cluster runs
 * one; they share the outbox through PostgreSQL's {@code FOR UPDATE SKIP LOCKED}, so adding a
 * node adds sending capacity without any other change. Settings come from configuration
 * (docs/operations.md lists them).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessagingRuntime {

  private static final Logger LOG = Logger.getLogger(MessagingRuntime.class.getName());

  @Resource(lookup = "jdbc/schoolgate")
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;

  @Inject private Clock clock;

  @Inject private ChannelSenders senders;

  @Inject private DeliveryReceipts receipts;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.dispatcher-enabled", defaultValue = "true")
  private boolean enabled;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.sender-threads", defaultValue = "8")
  private int senderThreads;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.claim-batch", defaultValue = "200")
  private int claimBatch;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.poll-interval-ms", defaultValue = "1000")
  private long pollMillis;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.abandoned-after-seconds", defaultValue = "300")
  private long abandonedAfterSeconds;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.sms-per-second", defaultValue = "50")
  private int smsPerSecond;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.email-per-second", defaultValue = "20")
  private int emailPerSecond;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.quiet-hours", defaultValue = "20:00-07:30")
  private String quietHours;

  @Inject
  @ConfigProperty(name = "schoolgate.messaging.max-attempts", defaultValue = "8")
  private int maxAttempts;

  @Inject
  @ConfigProperty(name = "schoolgate.zone", defaultValue = "Europe/London")
  private String zone;

  private OutboxDispatcher dispatcher;

  @PostConstruct
  void start() {
    if (!enabled) {
      LOG.info("The message dispatcher is switched off on this node (schoolgate.messaging.dispatcher-enabled=false)");
      return;
    }
    Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
    byChannel.put(Channel.SMS, senders::sms);
    byChannel.put(Channel.EMAIL, senders::email);
    byChannel.put(Channel.LETTER, senders::letter);
    byChannel.put(Channel.IN_APP, senders::inApp);
    Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
    limits.put(Channel.SMS, smsPerSecond);
    limits.put(Channel.EMAIL, emailPerSecond);
    OutboxDispatcher.Settings settings =
        new OutboxDispatcher.Settings(
            node(),
            senderThreads,
            claimBatch,
            Duration.ofMillis(pollMillis),
            Duration.ofSeconds(abandonedAfterSeconds),
            limits,
            QuietHours.parse(quietHours, ZoneId.of(zone)),
            new RetryPolicy(maxAttempts, RetryPolicy.defaults().first(), RetryPolicy.defaults().longest()));
    dispatcher = new OutboxDispatcher(new OutboxStore(dataSource), byChannel, settings, clock, threads);
    dispatcher.start();
    LOG.info(() -> "The message dispatcher runs on node " + settings.node() + " with " + senderThreads + " senders");
  }

  @PreDestroy
  void stop() {
    if (dispatcher != null) {
      dispatcher.stop();
    }
  }

  /** Every ten minutes, asks the SMS provider about texts whose delivery receipt never came. */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  public void reconcile() {
    if (dispatcher != null) {
      int moved = receipts.reconcile();
      if (moved > 0) {
        LOG.info(() -> moved + " text(s) waiting for a receipt were updated from the provider");
      }
    }
  }

  /** Wakes the dispatcher as soon as messages are committed, rather than at its next poll. */
  public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Messages.MessagesQueued queued) {
    if (dispatcher != null) {
      dispatcher.wake();
    }
  }

  private static String node() {
    return ManagementFactory.getRuntimeMXBean().getName();
  }
}
