package dev.homeenergy.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What the core hands a family when it creates a device.
 *
 * @param clock the time source (a fast or manual clock in tests)
 * @param raw where the device records its exchanges for troubleshooting
 * @param stateDirectory where the device may keep state across restarts (the config file's
 *     directory), or null when nothing may be persisted
 * @param httpExecutor the threads every device's HTTP client shares (so a device costs no threads
 *     of its own while idle), or null for each client's own
 */
public record DeviceContext(Clock clock, RawRecorder raw, Path stateDirectory, Executor httpExecutor) {

  /** A context whose HTTP clients keep their own threads. */
  public DeviceContext(Clock clock, RawRecorder raw, Path stateDirectory) {
    this(clock, raw, stateDirectory, null);
  }

  /** A context with nowhere to persist state. */
  public DeviceContext(Clock clock, RawRecorder raw) {
    this(clock, raw, null, null);
  }
}
