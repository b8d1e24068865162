package dev.homeenergy.device.powerwall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code /api} endpoints one gateway answered 404, which its firmware lacks (a Powerwall 3
 * serves three): they are not requested again until {@link #REPROBE} has passed or the gateway's
 * firmware version changes, so a firmware that adds one is picked up, and a healthy gateway is not
 * asked a dozen doomed questions every poll. Not thread-safe: the device's poller uses it.
 */
final class AbsentEndpoints {
  /** How long an endpoint that answered 404 is left alone before it is asked again. */
  static final Duration REPROBE = Duration.ofHours(1);

  private final Map<String, Instant> answered404At = new TreeMap<>();
  private String firmware;

  /** Whether {@code endpoint} is known absent and not due for another try at {@code now}. */
  boolean skip(String endpoint, Instant now) {
    Instant at = answered404At.get(endpoint);
    return at != null && now.isBefore(at.plus(REPROBE));
  }

  /** Notes that {@code endpoint} answered 404 at {@code now}. */
  void answered404(String endpoint, Instant now) {
    answered404At.put(endpoint, now);
  }

  /** Notes that {@code endpoint} answered: it is there. */
  void answered(String endpoint) {
    answered404At.remove(endpoint);
  }

  /**
   * Notes the gateway's firmware version, if known; a version other than the last one seen forgets
   * every absence, so the next poll asks for every endpoint again.
   */
  void firmware(String version) {
    if (version == null || version.isBlank()) {
      return;
    }
    if (firmware != null && !firmware.equals(version)) {
      answered404At.clear();
    }
    firmware = version;
  }

  /** Forgets every absence (a poll in which nothing answered says nothing about the firmware). */
  void clear() {
    answered404At.clear();
  }

  /** The endpoints known absent, by name. */
  List<String> names() {
    return List.copyOf(answered404At.keySet());
  }

  /** When {@code endpoint} will be asked again, or null when it is not known absent. */
  Instant nextProbe(String endpoint) {
    Instant at = answered404At.get(endpoint);
    return at == null ? null : at.plus(REPROBE);
  }

  /** When {@code endpoint} last answered 404, or null. */
  Instant answered404At(String endpoint) {
    return answered404At.get(endpoint);
  }

  /** The firmware version the absences were seen on, or null when none is known. */
  String firmware() {
    return firmware;
  }
}
