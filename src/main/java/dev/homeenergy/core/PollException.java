package dev.homeenergy.core;

/**
 * A failed poll with its counted reason. The message is shown on the landing page and in logs, so
 * it must never contain a password or token.
 */
public final class PollException extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;
  private final int httpStatus;

  public PollException(FailureReason reason, String message) {
    this(reason, message, 0);
  }

  /** A failure the device answered with a non-2xx {@code httpStatus}. */
  public PollException(FailureReason reason, String message, int httpStatus) {
    super(message);
    this.reason = reason;
    this.httpStatus = httpStatus;
  }

  public PollException(FailureReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpStatus = 0;
  }

  public FailureReason reason() {
    return reason;
  }

  /** The HTTP status the device answered with, or 0 when the failure was not an HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
