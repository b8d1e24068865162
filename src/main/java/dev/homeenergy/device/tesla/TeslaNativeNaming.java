package dev.homeenergy.device.tesla;

import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;

/** The native Tesla naming: vehicles, energy sites and Fleet API cost. */
public final class TeslaNativeNaming implements Naming<TeslaReading> {
  private final VehicleNaming vehicles;
  private final EnergySiteNaming sites = new EnergySiteNaming();
  private final TeslaFleetUsageNaming usage = new TeslaFleetUsageNaming();

  /**
   * @param allFields {@code fields: all}: also flatten every numeric and boolean vehicle_data field
   */
  public TeslaNativeNaming(boolean allFields) {
    this.vehicles = new VehicleNaming(allFields);
  }

  @Override
  public void render(TeslaReading reading, String deviceName, Samples.Builder out) {
    vehicles.render(reading, deviceName, out);
    sites.render(reading, deviceName, out);
    usage.render(reading, deviceName, out);
  }
}
