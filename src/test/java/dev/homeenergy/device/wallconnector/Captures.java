package dev.homeenergy.device.wallconnector;

import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;

/**
 * The Wall Connector captures under {@code src/test/resources/wallconnector/} by name, and readings
 * built from them.
 */
public final class Captures {
  static final String VITALS_FW25_IDLE = "vitals_unitA-fw25.34.1_idle.json";
  static final String VITALS_FW25_FACTORY_RESET =
      "vitals_unitA-fw25.34.1_idle_state1_nrr2-4-8_after_factory_reset.json";
  static final String VITALS_FW25_PLUGGED = "vitals_unitA-fw25.34.1_plugged_state2.json";
  static final String VITALS_FW25_FAULTY =
      "vitals_unitA-fw25.34.1_state11_contactor_closed_0A_faulty.json";
  public static final String VITALS_CHARGING_40A =
      "vitals_unitB-fwunknown_charging_state11_40A.json";
  static final String VITALS_STATE3 = "vitals_unitB-fwunknown_plugged_state3.json";
  static final String VITALS_STATE7 = "vitals_unitB-fwunknown_plugged_state7_nrr4.json";
  static final String VITALS_AFTER_STOP = "vitals_unitB-fwunknown_plugged_state9_after_stop.json";
  static final String VITALS_BEFORE_CHARGE =
      "vitals_unitB-fwunknown_plugged_state9_before_charge.json";
  static final String VITALS_UNPLUGGED_RETAINED =
      "vitals_unitB-fwunknown_unplugged_state1_nrr8_session_retained.json";
  static final String VITALS_FW21_IDLE = "vitals_fw21.18.1_twcmanager_idle.json";
  static final String VITALS_RELAY_K1_K2 =
      "vitals_SYNTHETIC_relay_k1_k2_from_unitA-fw25.34.1_idle.json";
  static final String SESSION_TRACE = "vitals_unitB-fwunknown_full_session_trace_2s.log";

  static final String LIFETIME_FW25 = "lifetime_unitA-fw25.34.1.json";
  static final String LIFETIME_2021 = "lifetime_2021_lib.json";
  static final String LIFETIME_BARE_NAN = "lifetime_bare_nan.INVALID-JSON.txt";
  static final String LIFETIME_TRUNCATED = "lifetime_truncated.INVALID-JSON.txt";

  static final String WIFI_FW25 = "wifi_status_unitA-fw25.34.1.json";
  static final String WIFI_FW21_REDACTED = "wifi_status_fw21.18.1_twcmanager_redacted.json";

  static final String VERSION_FW25 = "version_unitA-fw25.34.1.json";
  static final String VERSION_2021 = "version_2021_fw21.29.1_lib.json";

  private Captures() {}

  static <T> T parse(String name, Class<T> type) {
    try {
      return WallConnectorJson.parse(name, Fixtures.text("wallconnector", name), type);
    } catch (PollException e) {
      throw new AssertionError(name + " did not parse: " + e.getMessage(), e);
    }
  }

  static Vitals vitals(String name) {
    return parse(name, Vitals.class);
  }

  /** The unit-A firmware 25.34.1 capture set: idle vitals, lifetime, wifi_status, version. */
  static WallConnectorReading fw25Reading() {
    return reading(VITALS_FW25_IDLE);
  }

  /** Unit-A lifetime, wifi_status and version with the given vitals. */
  public static WallConnectorReading reading(String vitals) {
    return new WallConnectorReading(
        vitals(vitals),
        parse(LIFETIME_FW25, Lifetime.class),
        parse(WIFI_FW25, WifiStatus.class),
        parse(VERSION_FW25, Version.class));
  }
}
