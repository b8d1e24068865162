package dev.homeenergy.device.sunpower.sim;

import java.util.List;

/**
 * What the simulated site measures at one 15-second step.
 *
 * @param time UTC epoch second of the step
 * @param production the production meter: the sum of the inverters
 * @param consumption the net consumption meter: {@code loadKw - production}
 * @param loadKw the home's consumption
 */
public record PvsModelSnapshot(
    long time,
    List<PvsModelInverter> inverters,
    PvsModelMeter production,
    PvsModelMeter consumption,
    double loadKw,
    PvsModelSupervisor supervisor) {

  public PvsModelSnapshot {
    inverters = List.copyOf(inverters);
  }

  /** Sum of the inverters' AC power in kW. */
  public double inverterKw() {
    double sum = 0;
    for (PvsModelInverter inverter : inverters) {
      sum += inverter.acKw();
    }
    return sum;
  }

  /** Lifetime energy of the whole site consumption in kWh: produced plus net imported. */
  public double siteLoadKwh() {
    return production.netKwh() + consumption.netKwh();
  }
}
