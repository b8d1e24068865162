package dev.homeenergy.core;

import java.util.Locale;

/**
 * Power as the status page words it, in one place so that a device's live line and the summary
 * tiles say the same thing the same way: {@code 640 W} or {@code 4.12 kW}, a battery {@code
 * charging} or {@code discharging}, the grid {@code importing} or {@code exporting}, and {@code
 * idle} for a flow below {@link #IDLE_WATTS}.
 */
public final class PowerWords {
  /** Below this, a battery or grid flow is idle: meters read a few watts at rest. */
  public static final double IDLE_WATTS = 50;

  private PowerWords() {}

  /** Watts as a person reads them: {@code 640 W}, {@code 4.12 kW}. */
  public static String power(double watts) {
    return Math.abs(watts) < 1000
        ? String.format(Locale.ROOT, "%.0f W", watts)
        : String.format(Locale.ROOT, "%.2f kW", watts / 1000);
  }

  /**
   * A battery's flow from its power (positive discharging): {@code charging 1.42 kW}, {@code
   * discharging 640 W} or {@code idle}.
   */
  public static String battery(double watts) {
    if (Math.abs(watts) < IDLE_WATTS) {
      return "idle";
    }
    return (watts > 0 ? "discharging " : "charging ") + power(Math.abs(watts));
  }

  /** The grid's direction from its power (positive importing): importing, exporting or idle. */
  public static String gridDirection(double watts) {
    return Math.abs(watts) < IDLE_WATTS ? "idle" : watts > 0 ? "importing" : "exporting";
  }
}
