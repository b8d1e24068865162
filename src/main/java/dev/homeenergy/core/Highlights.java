package dev.homeenergy.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The few values of a reading a person looks for first on the status page (solar now, home load,
 * battery, grid, car charging, the cars), typed and in fixed units whatever the device's naming,
 * plus the conditions worth a flag. A family derives them from its own reading; every value is null
 * when the device does not report it, so the page shows a tile only for what some configured device
 * knows.
 *
 * @param solarWatts solar production, W
 * @param loadWatts home consumption, W
 * @param batteryPercent home battery charge, 0..100
 * @param batteryWatts home battery power, W: positive discharging, negative charging
 * @param gridWatts grid power, W: positive importing, negative exporting
 * @param chargingWatts power a car charger delivers, W (0 while idle)
 * @param islanded whether the site runs off the grid (a grid outage), or null when unknown
 * @param warnings conditions a person must know about in plain words (e.g. a stopped sitemaster
 *     that leaves the device up without values)
 * @param cars the cars the device reports
 */
public record Highlights(
    Double solarWatts,
    Double loadWatts,
    Double batteryPercent,
    Double batteryWatts,
    Double gridWatts,
    Double chargingWatts,
    Boolean islanded,
    List<String> warnings,
    List<Car> cars) {

  /** No highlights: a family that offers none. */
  public static final Highlights NONE = builder().build();

  public Highlights {
    warnings = List.copyOf(warnings);
    cars = List.copyOf(cars);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether a car is awake: the Fleet API answers for awake cars only and never wakes one. */
  public enum Wakefulness {
    AWAKE,
    ASLEEP,
    OFFLINE,
    UNKNOWN
  }

  /**
   * One car as the status page shows it; a value is null when not read (an asleep car is not read).
   *
   * @param name the owner's name for the car, else its VIN
   * @param batteryPercent charge, 0..100
   * @param rangeKm estimated range, km
   * @param chargingState the car's own word for it ({@code Charging}, {@code Complete}, {@code
   *     Disconnected}...), or null
   * @param chargingWatts power into the car while charging, W
   */
  public record Car(
      String name,
      Double batteryPercent,
      Double rangeKm,
      String chargingState,
      Double chargingWatts,
      Wakefulness wakefulness) {}

  /** Collects highlights; every value starts unknown. Not thread-safe. */
  public static final class Builder {
    private Double solarWatts;
    private Double loadWatts;
    private Double batteryPercent;
    private Double batteryWatts;
    private Double gridWatts;
    private Double chargingWatts;
    private Boolean islanded;
    private final List<String> warnings = new ArrayList<>();
    private final List<Car> cars = new ArrayList<>();

    public Builder solarWatts(Double watts) {
      this.solarWatts = watts;
      return this;
    }

    public Builder loadWatts(Double watts) {
      this.loadWatts = watts;
      return this;
    }

    public Builder batteryPercent(Double percent) {
      this.batteryPercent = percent;
      return this;
    }

    public Builder batteryWatts(Double watts) {
      this.batteryWatts = watts;
      return this;
    }

    public Builder gridWatts(Double watts) {
      this.gridWatts = watts;
      return this;
    }

    public Builder chargingWatts(Double watts) {
      this.chargingWatts = watts;
      return this;
    }

    public Builder islanded(Boolean offGrid) {
      this.islanded = offGrid;
      return this;
    }

    public Builder warning(String text) {
      warnings.add(text);
      return this;
    }

    public Builder car(Car car) {
      cars.add(car);
      return this;
    }

    public Highlights build() {
      return new Highlights(
          solarWatts,
          loadWatts,
          batteryPercent,
          batteryWatts,
          gridWatts,
          chargingWatts,
          islanded,
          warnings,
          cars);
    }
  }
}
