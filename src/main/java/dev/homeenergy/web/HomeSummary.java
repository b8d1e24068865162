package dev.homeenergy.web;

import dev.homeenergy.core.Highlights;
import dev.homeenergy.polling.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The top of the status page: the house's power flows, its flags and its cars, gathered from the
 * highlights of every device whose last reading is still fresh (a stale device's values are left
 * out, as on {@code /metrics}). A site value (solar, load, battery, grid) comes from the first
 * device in config order that reports it, since a gateway, a PVS and a Fleet API energy site often
 * measure the same house; car charging adds up the chargers (Wall Connectors), or, without any, the
 * cars' own charging power, and names the chargers that deliver power (all of them while none
 * does), so an idle charger is not named as a source. A value no device reports is null and gets no
 * tile.
 *
 * @param solar solar production, W
 * @param load home consumption, W
 * @param batteryPercent home battery charge, percent
 * @param batteryWatts home battery power, W, positive discharging
 * @param grid grid power, W, positive importing
 * @param charging power into cars, W
 * @param islanded devices that report the site off the grid
 * @param warnings each device's warnings
 * @param cars every car, with the device that reported it
 */
record HomeSummary(
    Value solar,
    Value load,
    Value batteryPercent,
    Value batteryWatts,
    Value grid,
    Value charging,
    List<String> islanded,
    List<Notice> warnings,
    List<DeviceCar> cars) {

  HomeSummary {
    islanded = List.copyOf(islanded);
    warnings = List.copyOf(warnings);
    cars = List.copyOf(cars);
  }

  /** A number and the devices it came from. */
  record Value(double amount, List<String> devices) {
    Value {
      devices = List.copyOf(devices);
    }
  }

  /** A device's warning. */
  record Notice(String device, String text) {}

  /** A car and the device that reported it. */
  record DeviceCar(String device, Highlights.Car car) {}

  private record Named(String device, Highlights highlights) {}

  static HomeSummary of(List<DeviceStatus> statuses, Instant now) {
    List<Named> fresh = new ArrayList<>();
    for (DeviceStatus status : statuses) {
      if (status.fresh(now) && status.highlights() != null) {
        fresh.add(new Named(status.config().name(), status.highlights()));
      }
    }
    List<String> islanded = new ArrayList<>();
    List<Notice> warnings = new ArrayList<>();
    List<DeviceCar> cars = new ArrayList<>();
    for (Named named : fresh) {
      if (Boolean.TRUE.equals(named.highlights().islanded())) {
        islanded.add(named.device());
      }
      named.highlights().warnings().forEach(text -> warnings.add(new Notice(named.device(), text)));
      named.highlights().cars().forEach(car -> cars.add(new DeviceCar(named.device(), car)));
    }
    return new HomeSummary(
        first(fresh, Highlights::solarWatts),
        first(fresh, Highlights::loadWatts),
        first(fresh, Highlights::batteryPercent),
        first(fresh, Highlights::batteryWatts),
        first(fresh, Highlights::gridWatts),
        charging(fresh, cars),
        islanded,
        warnings,
        cars);
  }

  /** Whether any tile has a value. */
  boolean anyTile() {
    return solar != null
        || load != null
        || batteryPercent != null
        || batteryWatts != null
        || grid != null
        || charging != null;
  }

  private static Value first(List<Named> fresh, Function<Highlights, Double> value) {
    for (Named named : fresh) {
      Double amount = value.apply(named.highlights());
      if (amount != null && Double.isFinite(amount)) {
        return new Value(amount, List.of(named.device()));
      }
    }
    return null;
  }

  private static Value charging(List<Named> fresh, List<DeviceCar> cars) {
    double sum = 0;
    List<String> chargers = new ArrayList<>();
    List<String> delivering = new ArrayList<>();
    for (Named named : fresh) {
      Double watts = named.highlights().chargingWatts();
      if (watts != null && Double.isFinite(watts)) {
        sum += watts;
        chargers.add(named.device());
        if (watts > 0) {
          delivering.add(named.device());
        }
      }
    }
    if (!chargers.isEmpty()) {
      return new Value(sum, delivering.isEmpty() ? chargers : delivering);
    }
    List<String> reporting = new ArrayList<>();
    for (DeviceCar car : cars) {
      if (car.car().chargingState() != null) {
        Double watts = car.car().chargingWatts();
        sum += watts == null || !Double.isFinite(watts) ? 0 : watts;
        if (!reporting.contains(car.device())) {
          reporting.add(car.device());
        }
      }
    }
    return reporting.isEmpty() ? null : new Value(sum, reporting);
  }
}
