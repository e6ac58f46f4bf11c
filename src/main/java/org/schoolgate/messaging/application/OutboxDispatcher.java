package org.schoolgate.messaging.application;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.application.OutboxStore.Outcome;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;
import org.schoolgate.messaging.port.DeliveryFailure;

/**
 * Sends what the outbox holds. One claiming loop takes due messages in batches (each claim
 * commits at once), a pool of sender threads hands each to its channel outside any database
 * transaction, and a recorder writes the outcomes in batches. If the process dies between a hand
 * over and its record, the message stays "sending" with no provider reference and the next start
 * puts it in the review queue: a message is sent once, or a person decides.
 *
 * <p>Plain Java with no container types, so the same code runs in Payara Micro, in the crash test
 * (a separate JVM that is killed) and in the benchmark.
 */
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** Hands one claimed message to its channel; returns the provider's reference. */
  public interface ChannelSender {
    /**
     * @return the outcome when it is not simply "accepted with this reference"
     * @throws DeliveryFailure when the channel refused, failed or cannot tell
     */
    Sent send(Claimed message);
  }

  /** A channel's answer: its reference and the status it puts the message in (SENT, DELIVERED). */
  public record Sent(String reference, DeliveryStatus status, String detail) {}

  /** How the dispatcher runs. */
  public record Settings(
      String node,
      int senderThreads,
      int claimBatch,
      Duration pollInterval,
      Duration abandonedAfter,
      Map<Channel, Integer> perSecond,
      QuietHours quietHours,
      RetryPolicy retries) {}

  private final OutboxStore store;
  private final Map<Channel, ChannelSender> senders;
  private final Settings settings;
  private final Clock clock;
  private final ThreadFactory threads;
  private final Duration sweepEvery;
  private final Map<Channel, RateLimiter> limits = new EnumMap<>(Channel.class);
  private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final Object wake = new Object();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong claims = new AtomicLong();
  private volatile boolean running;
  private volatile boolean woken;
  private ExecutorService pool;
  private Thread claimer;
  private Thread recorder;
  private Semaphore inFlight;

  public OutboxDispatcher(OutboxStore store, Map<Channel, ChannelSender> senders, Settings settings, Clock clock, ThreadFactory threads) {
    this(store, senders, settings, clock, threads, Pacer.SYSTEM);
  }

  /** With a pacer of its own for the rate limits, so a test can count the waits. */
  OutboxDispatcher(
      OutboxStore store, Map<Channel, ChannelSender> senders, Settings settings, Clock clock, ThreadFactory threads, Pacer pacer) {
    this.store = store;
    this.senders = Map.copyOf(senders);
    this.settings = settings;
    this.clock = clock;
    this.threads = threads;
    // Half-sent messages are looked for at least as often as they become due for review.
    this.sweepEvery = settings.abandonedAfter().compareTo(Duration.ofSeconds(30)) < 0 ? settings.abandonedAfter() : Duration.ofSeconds(30);
    settings.perSecond().forEach((channel, rate) -> limits.put(channel, new RateLimiter(rate, pacer)));
  }

  /** Starts the loops; first puts anything an earlier run left half-sent into review. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    inFlight = new Semaphore(settings.senderThreads() * 4);
    pool = Executors.newFixedThreadPool(settings.senderThreads(), threads);
    claimer = threads.newThread(this::claimLoop);
    claimer.setName("schoolgate-outbox-claimer");
    recorder = threads.newThread(this::recordLoop);
    recorder.setName("schoolgate-outbox-recorder");
    claimer.start();
    recorder.start();
  }

  /** Stops claiming, lets messages in hand finish and records their outcomes. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wake();
    try {
      claimer.join(10_000);
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
      recorder.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushOutcomes();
  }

  /** Tells the claiming loop that new messages are waiting (after a commit), so it need not poll. */
  public void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  /** Messages handed to a channel (or refused by it) since start. */
  public long handled() {
    return handled.get();
  }

  /** How many times the claiming loop has looked at the outbox since start. */
  long claims() {
    return claims.get();
  }

  private void claimLoop() {
    OffsetDateTime lastSweep = OffsetDateTime.MIN;
    while (running) {
      try {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!lastSweep.plus(sweepEvery).isAfter(now)) {
          List<java.util.UUID> flagged = store.flagAbandoned(now.minus(settings.abandonedAfter()), now);
          if (!flagged.isEmpty()) {
            LOG.warning(() -> flagged.size() + " message(s) were left half-sent by an earlier run and now wait for review: " + flagged);
          }
          lastSweep = now;
        }
        int room = Math.min(settings.claimBatch(), inFlight.availablePermits());
        List<Claimed> claimed = room == 0 ? List.of() : store.claim(settings.node(), now, room);
        claims.incrementAndGet();
        for (Claimed message : claimed) {
          inFlight.acquireUninterruptibly();
          pool.execute(() -> sendOne(message));
        }
        if (claimed.size() < room || room == 0) {
          pause(room == 0 ? Duration.ofMillis(5) : settings.pollInterval());
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "The outbox could not be read; trying again shortly", e);
        pause(settings.pollInterval().multipliedBy(4));
      }
    }
  }

  private void pause(Duration d) {
    synchronized (wake) {
      if (!woken && running) {
        try {
          wake.wait(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  private void sendOne(Claimed message) {
    try {
      outcomes.add(
          running
              ? outcomeOf(message)
              : Outcome.held(message, OffsetDateTime.now(clock), "Put back to wait: the server stopped before sending it"));
    } finally {
      handled.incrementAndGet();
      inFlight.release();
    }
  }

  Outcome outcomeOf(Claimed message) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (message.channel() == Channel.SMS && settings.quietHours().isQuiet(now.atZoneSameInstant(settings.quietHours().zone()))) {
      OffsetDateTime after = settings.quietHours().nextAllowed(now.atZoneSameInstant(settings.quietHours().zone())).toOffsetDateTime();
      return Outcome.held(message, after,
          "Held for quiet hours until " + after.atZoneSameInstant(settings.quietHours().zone()).format(HH_MM));
    }
    ChannelSender sender = senders.get(message.channel());
    if (sender == null) {
      return Outcome.failed(message, DeliveryStatus.TECHNICAL_FAILURE, null,
          "No " + message.channel().label().toLowerCase() + " service is set up on this server");
    }
    RateLimiter limit = limits.get(message.channel());
    if (limit != null) {
      limit.acquire();
    }
    try {
      Sent sent = sender.send(message);
      if (sent == null || sent.status() == null || (sent.status() == DeliveryStatus.SENDING && sent.reference() == null)
          || !(sent.status() == DeliveryStatus.SENDING || sent.status() == DeliveryStatus.SENT || sent.status() == DeliveryStatus.DELIVERED)) {
        LOG.warning(() -> "Message " + message.id() + ": the " + message.channel() + " channel gave no usable answer (" + sent + ")");
        return Outcome.toReview(message, null,
            "The " + message.channel().label().toLowerCase() + " service took the message without a usable answer;"
                + " it may or may not have gone. Check before sending again.");
      }
      return Outcome.sent(message, sent.status(), sent.reference(), sent.detail());
    } catch (DeliveryFailure failure) {
      return failed(message, failure, now);
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "Message " + message.id() + " failed in an unexpected way", unexpected);
      return Outcome.toReview(message, null,
          "An unexpected error happened while sending (" + unexpected.getClass().getSimpleName()
              + "); it may or may not have gone. Check before sending again.");
    }
  }

  private Outcome failed(Claimed message, DeliveryFailure failure, OffsetDateTime now) {
    String reason = failure.getMessage();
    return switch (failure.kind()) {
      case PERMANENT -> Outcome.failed(message, DeliveryStatus.PERMANENT_FAILURE, failure.providerCode(), reason);
      case OUTCOME_UNKNOWN -> Outcome.toReview(message, failure.providerCode(), reason);
      case RETRYABLE -> {
        if (settings.retries().mayRetry(message.attempts())) {
          OffsetDateTime next = now.plus(settings.retries().delayAfter(message.attempts()));
          String when = next.atZoneSameInstant(settings.quietHours().zone()).format(HH_MM);
          yield Outcome.retryLater(message, failure.providerCode(),
              reason + " (try " + message.attempts() + " of " + settings.retries().maxAttempts() + "; next at " + when + ")", next);
        }
        yield Outcome.failed(message, DeliveryStatus.TECHNICAL_FAILURE, failure.providerCode(),
            "Gave up after " + message.attempts() + " tries: " + reason);
      }
    };
  }

  private void recordLoop() {
    while (running || !outcomes.isEmpty()) {
      try {
        Outcome first = outcomes.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Outcome> batch = new ArrayList<>();
        batch.add(first);
        outcomes.drainTo(batch, 499);
        record(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void flushOutcomes() {
    List<Outcome> rest = new ArrayList<>();
    outcomes.drainTo(rest);
    if (!rest.isEmpty()) {
      record(rest);
    }
  }

  private void record(List<Outcome> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        store.record(batch, OffsetDateTime.now(clock));
        return;
      } catch (SQLException | RuntimeException e) {
        if (attempt == 5) {
          // The messages stay "sending" without a reference and go to review at the next sweep.
          LOG.log(Level.SEVERE, "Could not record the outcome of " + batch.size() + " message(s); they will be reviewed", e);
          return;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Where the rate limits read the time and wait: the system's, or a test's. */
  interface Pacer {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    Pacer SYSTEM =
        new Pacer() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
          }
        };
  }

  /**
   * At most {@code perSecond} hand-overs a second on this node, spaced evenly: each hand-over gets
   * the next free slot, one interval after the one before, and no burst is saved up while idle.
   */
  static final class RateLimiter {
    private final long intervalNanos;
    private final Pacer pacer;
    private long next;

    RateLimiter(int perSecond, Pacer pacer) {
      this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
      this.pacer = pacer;
      this.next = pacer.nanoTime();
    }

    void acquire() {
      if (intervalNanos == 0) {
        return;
      }
      long wait;
      synchronized (this) {
        long now = pacer.nanoTime();
        next = Math.max(next, now);
        wait = next - now;
        next += intervalNanos;
      }
      if (wait > 0) {
        try {
          pacer.sleepNanos(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
