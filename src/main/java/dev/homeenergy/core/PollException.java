package dev.homeenergy.core;

/**
 * A failed poll with its counted reason. The message is shown on the landing page and in logs, so
 * it must never contain a password or token.
 */
public final class PollException extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;

  public PollException(FailureReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public PollException(FailureReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }
}
