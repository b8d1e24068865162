package dev.homeenergy.core;

import java.time.Clock;

/**
 * What the core hands a family when it creates a device.
 *
 * @param clock the time source (a fast or manual clock in tests)
 * @param raw where the device records its exchanges for troubleshooting
 */
public record DeviceContext(Clock clock, RawRecorder raw) {}
