package dev.homeenergy.core;

/**
 * A failed poll with its counted reason. The message is shown on the landing page and in logs, so
 * it must never contain a password or token.
 */
public final class PollException extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;
  private final int httpStatus;
  private final java.time.Duration retryAfter;

  public PollException(FailureReason reason, String message) {
    this(reason, message, 0);
  }

  /** A failure the device answered with a non-2xx {@code httpStatus}. */
  public PollException(FailureReason reason, String message, int httpStatus) {
    this(reason, message, httpStatus, null);
  }

  /**
   * A failure after which the device asked not to be called again for {@code retryAfter} (an HTTP
   * 429's {@code Retry-After}); the poller waits at least that long.
   */
  public PollException(
      FailureReason reason, String message, int httpStatus, java.time.Duration retryAfter) {
    super(message);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public PollException(FailureReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpStatus = 0;
    this.retryAfter = null;
  }

  public FailureReason reason() {
    return reason;
  }

  /** How long the device asked us to stay away, when it said so. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }

  /** The HTTP status the device answered with, or 0 when the failure was not an HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
