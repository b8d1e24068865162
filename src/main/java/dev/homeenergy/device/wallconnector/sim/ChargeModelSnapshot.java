package dev.homeenergy.device.wallconnector.sim;

import java.time.Instant;

/**
 * Everything the simulated unit reports at one simulated instant.
 *
 * @param at simulated time of the last completed model step
 * @param wifiRssi received signal strength in dBm, for {@code wifi_status}
 */
public record ChargeModelSnapshot(
    Instant at, ChargeModelVitals vitals, ChargeModelLifetime lifetime, int wifiRssi) {}
