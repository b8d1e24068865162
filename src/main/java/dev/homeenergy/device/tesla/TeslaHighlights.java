package dev.homeenergy.device.tesla;

import dev.homeenergy.core.Highlights;
import java.util.Locale;

/**
 * A Fleet API reading's values for the status page: each car's charge, range, charging state and
 * whether it is awake, and the first energy site's live power flows and grid state. A car asleep is
 * not read (reading would wake it), so its values are unknown.
 */
final class TeslaHighlights {
  private static final double KM_PER_MILE = 1.609344;

  private TeslaHighlights() {}

  static Highlights of(TeslaReading reading) {
    Highlights.Builder out = Highlights.builder();
    for (Vehicle vehicle : reading.vehicles()) {
      out.car(car(vehicle));
    }
    reading.energySites().stream()
        .map(EnergySite::live)
        .filter(live -> live != null)
        .findFirst()
        .ifPresent(
            live ->
                out.solarWatts(live.solarPower())
                    .loadWatts(live.loadPower())
                    .batteryWatts(live.batteryPower())
                    .gridWatts(live.gridPower())
                    .batteryPercent(live.percentageCharged())
                    .islanded(islanded(live)));
    return out.build();
  }

  private static Highlights.Car car(Vehicle vehicle) {
    VehicleCharge charge = vehicle.data() == null ? null : vehicle.data().charge();
    String name = vehicle.displayName().isEmpty() ? vehicle.vin() : vehicle.displayName();
    if (charge == null) {
      return new Highlights.Car(name, null, null, null, null, wakefulness(vehicle.state()));
    }
    Double range =
        charge.batteryRangeMiles() == null ? null : charge.batteryRangeMiles() * KM_PER_MILE;
    Double watts =
        "Charging".equals(charge.chargingState()) && charge.chargerPowerKw() != null
            ? charge.chargerPowerKw() * 1000
            : null;
    return new Highlights.Car(
        name,
        charge.batteryLevelPercent(),
        range,
        charge.chargingState(),
        watts,
        wakefulness(vehicle.state()));
  }

  static Highlights.Wakefulness wakefulness(String state) {
    return switch (state.toLowerCase(Locale.ROOT)) {
      case "online" -> Highlights.Wakefulness.AWAKE;
      case "asleep" -> Highlights.Wakefulness.ASLEEP;
      case "offline" -> Highlights.Wakefulness.OFFLINE;
      default -> Highlights.Wakefulness.UNKNOWN;
    };
  }

  /** {@code island_status} ({@code on_grid}, {@code off_grid...}), else {@code grid_status}. */
  static Boolean islanded(EnergySiteLive live) {
    if (live.islandStatus() != null) {
      return live.islandStatus().toLowerCase(Locale.ROOT).startsWith("off_grid");
    }
    if (live.gridStatus() != null) {
      return switch (live.gridStatus()) {
        case "Active" -> false;
        case "Inactive" -> true;
        default -> null;
      };
    }
    return null;
  }
}
