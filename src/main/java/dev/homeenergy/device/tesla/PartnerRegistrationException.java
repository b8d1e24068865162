package dev.homeenergy.device.tesla;

/** Partner registration failed; the message says in plain words why and what to do. */
public final class PartnerRegistrationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;

  public PartnerRegistrationException(String message, int httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }

  /** The status Tesla answered with, or 0 when no answer came. */
  public int httpStatus() {
    return httpStatus;
  }
}
