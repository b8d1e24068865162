package dev.homeenergy.device.tesla;

/** Conversions from the API's units to base units. */
final class VehicleUnits {
  static final double METERS_PER_MILE = 1609.344;
  static final double METERS_PER_SECOND_PER_MPH = METERS_PER_MILE / 3600;
  static final double PASCALS_PER_BAR = 1e5;
  static final double JOULES_PER_KWH = 3.6e6;
  static final double JOULES_PER_WH = 3600;

  private VehicleUnits() {}

  static Double times(Double value, double factor) {
    return value == null ? null : value * factor;
  }

  static Double ratio(Double percent) {
    return percent == null ? null : percent / 100;
  }
}
