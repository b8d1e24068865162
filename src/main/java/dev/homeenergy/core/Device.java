package dev.homeenergy.core;

/**
 * One configured device: its API client. Only the device's poller calls it, never two polls at
 * once, so implementations may keep state between polls (a cached version, a session token).
 */
public interface Device extends AutoCloseable {

  /**
   * Reads the device once, within the configured timeout.
   *
   * @throws PollException with the reason to count when the device cannot be read
   */
  Reading poll() throws PollException;

  @Override
  default void close() {}
}
