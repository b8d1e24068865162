package dev.homeenergy.core;

/**
 * The parsed, typed result of one successful poll of a device. Each family has its own record; its
 * namings render it into samples, so the device is read once whatever the naming.
 */
public interface Reading {

  /** Endpoints that failed while the poll as a whole succeeded; empty for most devices. */
  default java.util.List<EndpointFailure> endpointFailures() {
    return java.util.List.of();
  }

  /**
   * When the device wants its next poll, if not after its configured interval: sooner while a car
   * drives, much later to let it fall asleep or to stay within an API budget.
   */
  default java.util.Optional<java.time.Duration> nextPollAfter() {
    return java.util.Optional.empty();
  }

  /**
   * A line for the landing page about this reading (a projected bill, say), if the family has one.
   */
  default java.util.Optional<String> summary() {
    return java.util.Optional.empty();
  }

  /** The values and flags the status page's summary shows first, if the family offers them. */
  default Highlights highlights() {
    return Highlights.NONE;
  }
}
