package dev.homeenergy.core;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the core hands a family when it creates a device.
 *
 * @param clock the time source (a fast or manual clock in tests)
 * @param raw where the device records its exchanges for troubleshooting
 * @param stateDirectory where the device may keep state across restarts (the config file's
 *     directory), or null when nothing may be persisted
 * @param http the HTTP threads and plain clients every device of the exporter shares
 */
public record DeviceContext(Clock clock, RawRecorder raw, Path stateDirectory, SharedHttp http) {

  /** A context whose HTTP clients are its own, with their own threads. */
  public DeviceContext(Clock clock, RawRecorder raw, Path stateDirectory) {
    this(clock, raw, stateDirectory, new SharedHttp(null));
  }

  /** A context with nowhere to persist state. */
  public DeviceContext(Clock clock, RawRecorder raw) {
    this(clock, raw, null);
  }
}
