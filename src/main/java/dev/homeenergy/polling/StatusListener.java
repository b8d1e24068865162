package dev.homeenergy.polling;

/**
 * Told of each new status of a device, after the store holds it: how an output other than the
 * scrape (MQTT) learns of polls without the pollers knowing it exists. Called on the thread that
 * changed the status, usually a poll thread, so it must return at once and never throw.
 */
@FunctionalInterface
public interface StatusListener {
  /** Listens to nothing. */
  StatusListener NONE = status -> {};

  void changed(DeviceStatus status);

  /**
   * Told that a device is no longer configured (a reload dropped it), so an output can withdraw
   * what it published of it. Same rules as {@link #changed}.
   */
  default void removed(String deviceName) {}
}
