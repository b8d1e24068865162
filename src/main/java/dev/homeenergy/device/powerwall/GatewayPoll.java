package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import java.time.Duration;

/**
 * The bookkeeping of one poll: its overall deadline ({@code timeout} + {@code retry_timeout}), the
 * window for retrying transport failures (measured in real time from the first one in this poll)
 * and whether the poll has already used its one login.
 */
final class GatewayPoll {
  private static final Duration MIN_RETRY_INTERVAL = Duration.ofMillis(10);

  private final Deadline deadline;
  private final Duration attemptTimeout;
  private final Duration retryInterval;
  private final Duration retryTimeout;
  private long firstTransportFailureNanos;
  private boolean transportFailed;
  private boolean loginUsed;

  GatewayPoll(Duration attemptTimeout, Duration retryInterval, Duration retryTimeout) {
    this.deadline = Deadline.after(attemptTimeout.plus(retryTimeout));
    this.attemptTimeout = attemptTimeout;
    this.retryInterval =
        retryInterval.compareTo(MIN_RETRY_INTERVAL) < 0 ? MIN_RETRY_INTERVAL : retryInterval;
    this.retryTimeout = retryTimeout;
  }

  /** The deadline of one request: the poll's, but never more than one timeout away. */
  Deadline attemptDeadline() {
    Deadline attempt = Deadline.after(attemptTimeout);
    return attempt.nanoTime() - deadline.nanoTime() < 0 ? attempt : deadline;
  }

  /**
   * Waits until the next attempt of a request that failed on the transport, or rethrows the failure
   * when the retry window or the poll's deadline would be exceeded.
   *
   * @param attemptStartedNanos {@link System#nanoTime()} when the failed attempt started
   */
  void awaitRetry(PollException failure, long attemptStartedNanos) throws PollException {
    if (retryTimeout.isZero()) {
      throw failure;
    }
    long now = System.nanoTime();
    if (!transportFailed) {
      transportFailed = true;
      firstTransportFailureNanos = now;
    }
    long nextAttempt = Math.max(now, attemptStartedNanos + retryInterval.toNanos());
    boolean windowOver = nextAttempt - firstTransportFailureNanos > retryTimeout.toNanos();
    if (windowOver || nextAttempt - deadline.nanoTime() >= 0) {
      throw new PollException(
          failure.reason(),
          failure.getMessage()
              + " (still failing after retrying for "
              + Duration.ofNanos(now - firstTransportFailureNanos).toMillis()
              + " ms)");
    }
    try {
      Thread.sleep(Duration.ofNanos(nextAttempt - now).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollException(
          FailureReason.TIMEOUT, failure.getMessage() + " (interrupted while waiting to retry)");
    }
  }

  /** Whether this poll has used its login: a session in use now is then a fresh one. */
  boolean loggedIn() {
    return loginUsed;
  }

  /** True the first time only: a poll logs in at most once. */
  boolean claimLogin() {
    if (loginUsed) {
      return false;
    }
    loginUsed = true;
    return true;
  }
}
