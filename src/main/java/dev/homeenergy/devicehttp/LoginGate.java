package dev.homeenergy.devicehttp;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a device client from logging in again soon after a rejected or rate-limited login: the
 * first failure closes the gate for {@code firstDelay}, each further consecutive one doubles that
 * up to {@code maxDelay}, and a successful login opens it again. A wrong password therefore never
 * causes a burst of logins. Not thread-safe: one device's poller uses it.
 */
public final class LoginGate {
  /** A first pause of two minutes, doubling up to half an hour. */
  public static final Duration DEFAULT_FIRST_DELAY = Duration.ofMinutes(2);

  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(30);

  private final Clock clock;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private int consecutiveFailures;
  private Instant closedUntil;
  private PollException lastFailure;

  public LoginGate(Clock clock, Duration firstDelay, Duration maxDelay) {
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 < firstDelay <= maxDelay, got " + firstDelay + ", " + maxDelay);
    }
    this.clock = clock;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
  }

  /** A gate with {@link #DEFAULT_FIRST_DELAY} and {@link #DEFAULT_MAX_DELAY}. */
  public LoginGate(Clock clock) {
    this(clock, DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY);
  }

  /**
   * @throws PollException with the last failure's reason while logging in is not allowed
   */
  public void checkOpen() throws PollException {
    if (closedUntil == null) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(closedUntil)) {
      return;
    }
    throw new PollException(
        lastFailure.reason(),
        "not logging in until "
            + closedUntil
            + " (in "
            + Duration.between(now, closedUntil).toSeconds()
            + " s) after "
            + consecutiveFailures
            + " failed login(s); last: "
            + lastFailure.getMessage());
  }

  /**
   * Closes the gate after a login the device answered with {@code auth} or {@code rate_limited}.
   */
  public void failed(PollException failure) {
    consecutiveFailures++;
    lastFailure = failure;
    closedUntil = clock.instant().plus(delay(consecutiveFailures));
  }

  public void succeeded() {
    consecutiveFailures = 0;
    closedUntil = null;
    lastFailure = null;
  }

  /** How long the gate stays closed after this many failed logins in a row. */
  public Duration delay(int consecutiveFailures) {
    Duration delay = firstDelay;
    for (int i = 1; i < consecutiveFailures && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Whether a login failing for {@code reason} closes the gate. */
  public static boolean closesOn(FailureReason reason) {
    return reason == FailureReason.AUTH || reason == FailureReason.RATE_LIMITED;
  }
}
