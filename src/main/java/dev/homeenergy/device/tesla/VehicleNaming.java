package dev.homeenergy.device.tesla;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Native vehicle metrics ({@code tesla_vehicle_*}) in base units, labelled {@code vin} and {@code
 * name}. Every listed car has {@code state} and {@code info}; cars whose {@code vehicle_data} was
 * read this poll also have the curated metrics and, with {@code allFields}, every numeric and
 * boolean field flattened (see {@link FlattenedFieldsNaming}).
 */
public final class VehicleNaming implements Naming<TeslaReading> {
  static final MetricFamily STATE =
      MetricFamily.gauge(
          "tesla_vehicle_state", "Vehicle list state (online, asleep, offline), 1 for the current");
  static final MetricFamily INFO =
      MetricFamily.info(
          "tesla_vehicle", "Vehicle identity; car_version from vehicle_state.car_version");

  private final boolean allFields;
  private final FlattenedFieldsNaming flattened = new FlattenedFieldsNaming();

  /**
   * @param allFields also flatten every numeric and boolean field of {@code vehicle_data}
   */
  public VehicleNaming(boolean allFields) {
    this.allFields = allFields;
  }

  @Override
  public void render(TeslaReading reading, String deviceName, Samples.Builder out) {
    for (Vehicle vehicle : reading.vehicles()) {
      Labels labels =
          Labels.of("device", deviceName, "vin", vehicle.vin(), "name", vehicle.displayName());
      out.add(STATE, labels.add("state", vehicle.state()), 1);
      VehicleData data = vehicle.data();
      String version =
          data == null || data.status() == null || data.status().carVersion() == null
              ? ""
              : data.status().carVersion();
      out.info(INFO, labels.add("car_version", version));
      if (data != null) {
        VehicleChargeNaming.render(data.charge(), labels, out);
        VehicleClimateNaming.render(data.climate(), labels, out);
        VehicleDriveNaming.render(data.drive(), labels, out);
        VehicleStatusNaming.render(data.status(), labels, out);
        if (allFields) {
          flattened.render(data.raw(), labels, out);
        }
      }
    }
  }
}
