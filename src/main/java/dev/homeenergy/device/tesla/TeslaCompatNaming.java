package dev.homeenergy.device.tesla;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.TreeMap;

/**
 * The names, labels and units of axsantos/tesla-prometheus-exporter: label {@code vehicle_name} on
 * everything, kilometres, percents, kWh, and {@code tesla_power_watts} carrying the API's kW value
 * as that exporter did, and its {@code tesla_exporter_*} health metrics.
 */
public final class TeslaCompatNaming implements Naming<TeslaReading> {
  static final MetricFamily UP =
      MetricFamily.gauge(
          "tesla_exporter_up", "1 when the vehicle list was read and has cars, 0 otherwise");
  static final MetricFamily REACHABLE =
      MetricFamily.gauge("tesla_exporter_vehicle_reachable", "1 when the vehicle list says online");
  static final MetricFamily POLL_ERRORS =
      MetricFamily.counter(
          "tesla_exporter_poll_errors",
          "Failed reads by error type (vehicle_data_failed, unexpected_error)");
  static final MetricFamily LAST_POLL =
      MetricFamily.gauge(
          "tesla_exporter_last_successful_poll_timestamp_seconds",
          "seconds",
          "When vehicle_data was last read, Unix time");

  @Override
  public void render(TeslaReading reading, String deviceName, Samples.Builder out) {
    if (reading.vehicles().isEmpty()) {
      out.add(UP, Labels.of("vehicle_name", ""), 0);
    }
    if (reading.usage() != null) {
      new TreeMap<>(reading.usage().pollErrors())
          .forEach((type, n) -> out.add(POLL_ERRORS, Labels.of("error_type", type), n));
    }
    for (Vehicle vehicle : reading.vehicles()) {
      Labels labels = Labels.of("vehicle_name", vehicle.displayName());
      out.add(UP, labels, 1);
      out.add(REACHABLE, labels, "online".equals(vehicle.state()) ? 1 : 0);
      VehicleData data = vehicle.data();
      if (data != null) {
        long measured =
            data.raw() == null ? 0 : data.raw().path("charge_state").path("timestamp").asLong(0);
        out.add(
            LAST_POLL, labels, (measured > 0 ? measured : reading.at().toEpochMilli()) / 1000.0);
        TeslaCompatChargeNaming.render(data, labels, out);
        TeslaCompatBodyNaming.render(data, labels, out);
      }
    }
  }
}
