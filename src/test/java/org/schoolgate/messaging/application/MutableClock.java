package org.schoolgate.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves on by hand. */
final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  MutableClock(ZonedDateTime at) {
    this.now = new AtomicReference<>(at.toInstant());
    this.zone = at.getZone();
  }

  void set(ZonedDateTime at) {
    now.set(at.toInstant());
  }

  void advance(Duration by) {
    now.updateAndGet(i -> i.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    throw new UnsupportedOperationException("one zone is enough for these tests");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
