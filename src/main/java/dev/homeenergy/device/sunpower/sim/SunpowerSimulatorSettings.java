package dev.homeenergy.device.sunpower.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the simulated PVS.
 *
 * @param inverterCount microinverters on the site, 1..500
 * @param perDeviceLatency real time the PVS spends per device of a DeviceList answer
 * @param serial PVS serial; its last five characters are the 2025 firmware's login password
 * @param sessionLifetime simulated time a {@code /auth} session stays valid
 * @param slowDelay extra real-time delay of DeviceList under the {@code slow} fault
 */
public record SunpowerSimulatorSettings(
    int inverterCount,
    Duration perDeviceLatency,
    String serial,
    Duration sessionLifetime,
    Duration slowDelay) {
  public static final int DEFAULT_INVERTERS = 12;
  public static final int MAX_INVERTERS = 500;
  public static final String DEFAULT_SERIAL = "ZT01234567890ABCD1234";

  public SunpowerSimulatorSettings {
    if (inverterCount < 1 || inverterCount > MAX_INVERTERS) {
      throw new IllegalArgumentException(
          "inverterCount must be within 1.." + MAX_INVERTERS + ", got " + inverterCount);
    }
    requireNotNegative(perDeviceLatency, "perDeviceLatency");
    requireNotNegative(slowDelay, "slowDelay");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
      throw new IllegalArgumentException(
          "sessionLifetime must be positive, got " + sessionLifetime);
    }
    Objects.requireNonNull(serial, "serial");
    if (serial.length() < 5) {
      throw new IllegalArgumentException(
          "serial must have at least 5 characters, got '" + serial + "'");
    }
  }

  /** 12 inverters, 0.2 s per device, the default serial, 300 s sessions, 30 s slow delay. */
  public static SunpowerSimulatorSettings defaults() {
    return new SunpowerSimulatorSettings(
        DEFAULT_INVERTERS,
        Duration.ofMillis(200),
        DEFAULT_SERIAL,
        Duration.ofSeconds(300),
        Duration.ofSeconds(30));
  }

  /** The 2025 firmware's login password: the serial's last five characters. */
  public String password() {
    return serial.substring(serial.length() - 5);
  }

  public SunpowerSimulatorSettings withInverterCount(int count) {
    return new SunpowerSimulatorSettings(
        count, perDeviceLatency, serial, sessionLifetime, slowDelay);
  }

  public SunpowerSimulatorSettings withPerDeviceLatency(Duration latency) {
    return new SunpowerSimulatorSettings(
        inverterCount, latency, serial, sessionLifetime, slowDelay);
  }

  public SunpowerSimulatorSettings withSerial(String newSerial) {
    return new SunpowerSimulatorSettings(
        inverterCount, perDeviceLatency, newSerial, sessionLifetime, slowDelay);
  }

  public SunpowerSimulatorSettings withSessionLifetime(Duration lifetime) {
    return new SunpowerSimulatorSettings(
        inverterCount, perDeviceLatency, serial, lifetime, slowDelay);
  }

  public SunpowerSimulatorSettings withSlowDelay(Duration delay) {
    return new SunpowerSimulatorSettings(
        inverterCount, perDeviceLatency, serial, sessionLifetime, delay);
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }
}
