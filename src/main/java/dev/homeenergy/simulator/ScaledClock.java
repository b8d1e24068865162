package dev.homeenergy.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at the real time and runs {@code speed} times faster, so a simulator plays an
 * hour of charging in a minute at speed 60.
 */
public final class ScaledClock extends Clock {
  private final Clock base;
  private final Instant origin;
  private final double speed;

  public ScaledClock(Clock base, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
    this.base = base;
    this.origin = base.instant();
    this.speed = speed;
  }

  public static ScaledClock ofSpeed(double speed) {
    return new ScaledClock(Clock.systemUTC(), speed);
  }

  public double speed() {
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    long realNanos = java.time.Duration.between(origin, base.instant()).toNanos();
    return origin.plusNanos((long) (realNanos * speed));
  }
}
