package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.Highlights;
import java.util.Map;

/**
 * A gateway reading's values for the status page: the meter aggregates' solar, load, battery and
 * site power, the charge, whether the site is islanded, and a warning while the sitemaster is
 * stopped (the gateway then answers, so the device is up, but serves no live values).
 */
final class PowerwallHighlights {
  static final String SITEMASTER_STOPPED =
      "Sitemaster stopped: the gateway answers but reports no live power values until it is"
          + " started again (from the gateway's own web page or the Tesla app).";

  private PowerwallHighlights() {}

  static Highlights of(PowerwallReading reading) {
    Highlights.Builder out = Highlights.builder();
    if (reading.aggregates() != null) {
      Map<String, MeterReadings> categories = reading.aggregates().categories();
      out.solarWatts(power(categories, "solar"))
          .loadWatts(power(categories, "load"))
          .batteryWatts(power(categories, "battery"))
          .gridWatts(power(categories, "site"));
    }
    if (reading.soe() != null) {
      out.batteryPercent(reading.soe().percentage());
    }
    Boolean islanded =
        reading.gridStatus() == null ? null : islanded(reading.gridStatus().gridStatus());
    if (islanded == null && reading.systemStatus() != null) {
      islanded = islanded(reading.systemStatus().systemIslandState());
    }
    out.islanded(islanded);
    if (reading.sitemaster() != null && Boolean.FALSE.equals(reading.sitemaster().running())) {
      out.warning(SITEMASTER_STOPPED);
    }
    return out.build();
  }

  private static Double power(Map<String, MeterReadings> categories, String category) {
    MeterReadings readings = categories.get(category);
    return readings == null ? null : readings.instantPower();
  }

  /**
   * {@code SystemGridConnected} is on the grid; every other state the gateway names ({@code
   * SystemIslandedActive}, {@code SystemTransitionToGrid} while it resynchronises, {@code
   * SystemWaitForUser} after an outage, ...) means the house is not fed by the grid.
   */
  static Boolean islanded(String state) {
    if (state == null || !state.startsWith("System")) {
      return null;
    }
    return !state.equals("SystemGridConnected");
  }
}
