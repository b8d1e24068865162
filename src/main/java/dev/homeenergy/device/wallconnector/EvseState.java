package dev.homeenergy.device.wallconnector;

/**
 * Names for the {@code vitals.evse_state} codes, taken from Home Assistant's table because it is
 * the most widely used. Tesla publishes none and the community sources disagree (codes 3, 5, 12 and
 * 13 are seen or listed elsewhere with different or no meaning, and 7 is a transient state at
 * plug-in and unplug rather than an error); any code not listed here is named {@code unknown}. The
 * numeric code is always exported too, so nothing is lost when a name is wrong.
 */
public enum EvseState {
  BOOTING(0, "booting"),
  NOT_CONNECTED(1, "not_connected"),
  CONNECTED(2, "connected"),
  READY(4, "ready"),
  NEGOTIATING(6, "negotiating"),
  ERROR(7, "error"),
  CHARGING_FINISHED(8, "charging_finished"),
  WAITING_CAR(9, "waiting_car"),
  CHARGING_REDUCED(10, "charging_reduced"),
  CHARGING(11, "charging");

  /** The label of every code that is not in the table. */
  public static final String UNKNOWN = "unknown";

  private final int code;
  private final String label;

  EvseState(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The state name of {@code code}, or {@link #UNKNOWN}. */
  public static String labelOf(int code) {
    for (EvseState state : values()) {
      if (state.code == code) {
        return state.label;
      }
    }
    return UNKNOWN;
  }
}
