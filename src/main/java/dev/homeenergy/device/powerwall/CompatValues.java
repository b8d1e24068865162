package dev.homeenergy.device.powerwall;

/**
 * Value conversions exactly as the Go exporter computes them: go-powerwall decodes numbers into
 * float32 (a JSON {@code null} or absent field as 0), gauges are computed in float32, lifetime
 * counters are widened to float64 before the ×3600.
 */
final class CompatValues {
  /** Readings of a category or meter sent as {@code null}: Go sees all fields as 0. */
  static final MeterReadings NO_READINGS =
      new MeterReadings(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null);

  private CompatValues() {}

  /** The value as a Go float32 field holds it; absent is 0. */
  static float f32(Double value) {
    return value == null ? 0f : (float) (double) value;
  }

  /** A float32 gauge such as {@code v_out}. */
  static double gauge(Double value) {
    return f32(value);
  }

  /** A float32 gauge scaled in float32, e.g. Wh × 3600. */
  static double gaugeTimes(Double value, float factor) {
    return f32(value) * factor;
  }

  /** A lifetime counter: float32 widened to float64, then × 3600 in float64. */
  static double counterJoules(Double wattHours) {
    return (double) f32(wattHours) * 3600;
  }

  /** A Go bool field: absent or null is false. */
  static double bool(Boolean value) {
    return Boolean.TRUE.equals(value) ? 1 : 0;
  }

  /** A Go string field: absent or null is empty. */
  static String text(String value) {
    return value == null ? "" : value;
  }
}
