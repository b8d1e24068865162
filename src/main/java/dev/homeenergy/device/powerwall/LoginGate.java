package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a client from logging in again soon after a rejected or rate-limited login: the first
 * failure closes the gate for {@link #FIRST_DELAY}, each further consecutive one doubles that up to
 * {@link #MAX_DELAY}, and a successful login opens it again. A wrong password therefore never
 * causes a burst of logins, which would trip the gateway's login rate limit.
 */
final class LoginGate {
  static final Duration FIRST_DELAY = Duration.ofMinutes(2);
  static final Duration MAX_DELAY = Duration.ofMinutes(30);

  private final Clock clock;
  private int consecutiveFailures;
  private Instant closedUntil;
  private PollException lastFailure;

  LoginGate(Clock clock) {
    this.clock = clock;
  }

  /**
   * @throws PollException with the last failure's reason while logging in is not allowed
   */
  void checkOpen() throws PollException {
    if (closedUntil == null) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(closedUntil)) {
      return;
    }
    throw new PollException(lastFailure.reason(), "not logging in until " + closedUntil + " (in "
        + Duration.between(now, closedUntil).toSeconds() + " s) after " + consecutiveFailures
        + " failed login(s); last: " + lastFailure.getMessage());
  }

  /** Closes the gate after a login the gateway answered with {@code auth} or {@code rate_limited}. */
  void failed(PollException failure) {
    consecutiveFailures++;
    lastFailure = failure;
    closedUntil = clock.instant().plus(delay(consecutiveFailures));
  }

  void succeeded() {
    consecutiveFailures = 0;
    closedUntil = null;
    lastFailure = null;
  }

  static Duration delay(int consecutiveFailures) {
    Duration delay = FIRST_DELAY;
    for (int i = 1; i < consecutiveFailures && delay.compareTo(MAX_DELAY) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  static boolean closesOn(FailureReason reason) {
    return reason == FailureReason.AUTH || reason == FailureReason.RATE_LIMITED;
  }
}
