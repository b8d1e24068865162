package dev.homeenergy.device.wallconnector.sim;

/**
 * The simulated unit's lifetime counters at one instant.
 *
 * @param energyWh exact delivered energy; the device prints it as {@link #printedEnergyWh()}
 */
public record ChargeModelLifetime(
    long contactorCycles,
    long contactorCyclesLoaded,
    long alertCount,
    long thermalFoldbacks,
    double avgStartupTemp,
    long chargeStarts,
    double energyWh,
    long connectorCycles,
    long uptimeS,
    long chargingTimeS) {

  /** {@code energy_wh} as the device prints it: rounded to an integer Wh. */
  public long printedEnergyWh() {
    return Math.round(energyWh);
  }
}
