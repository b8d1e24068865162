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
    if (reading.tedapi() != null && reading.tedapi().data() != null) {
      tedapi(reading, reading.tedapi().data(), islanded, out);
    }
    return out.build();
  }

  /**
   * TEDAPI fills what {@code /api} did not give (a Powerwall 3 serves only three endpoints there)
   * and adds the active alerts, site-wide and per component, as warnings. {@code
   * SystemConnectedToGrid} is the normal state, not a warning.
   */
  private static void tedapi(
      PowerwallReading reading, TedapiData d, Boolean islanded, Highlights.Builder out) {
    if (reading.aggregates() == null) {
      out.solarWatts(d.powerWatts().get("solar"))
          .loadWatts(d.powerWatts().get("load"))
          .batteryWatts(d.powerWatts().get("battery"))
          .gridWatts(d.powerWatts().get("site"));
    }
    if (reading.soe() == null && d.chargeRatio() != null) {
      out.batteryPercent(d.chargeRatio() * 100);
    }
    if (islanded == null && d.gridConnected() != null) {
      out.islanded(!d.gridConnected());
    }
    for (String alert : d.alerts()) {
      if (!alert.equals("SystemConnectedToGrid")) {
        out.warning("Powerwall alert " + alert);
      }
    }
    for (TedapiData.ComponentAlert a : d.componentAlerts()) {
      out.warning("Alert " + a.alert() + " on " + a.component() + " of " + a.unit());
    }
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
