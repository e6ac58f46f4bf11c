package org.schoolgate.messaging.domain;

import java.time.Duration;

/**
 * When to try again after a provider said "not now" (rate limit, 5xx, unreachable): 30 seconds,
 * then doubling up to an hour, for at most {@code maxAttempts} tries; after that the message is a
 * technical failure shown to staff with the last reason.
 */
public record RetryPolicy(int maxAttempts, Duration first, Duration longest) {

  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));
  }

  /** Whether a message that has now been tried {@code attempts} times may be tried again. */
  public boolean mayRetry(int attempts) {
    return attempts < maxAttempts;
  }

  /** The wait before the next try, after {@code attempts} tries. */
  public Duration delayAfter(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = first.multipliedBy(factor);
    return d.compareTo(longest) > 0 ? longest : d;
  }
}
