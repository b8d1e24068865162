package dev.homeenergy.device.sunpower;

/**
 * What every PVS device has besides its measurements, in DeviceList terms. Absent text fields are
 * empty strings, so namings can use them as label values directly.
 *
 * @param deviceType {@code DEVICE_TYPE}: {@code PVS}, {@code Power Meter}, {@code Inverter}, {@code
 *     Energy Storage System}, {@code ESS BMS}, {@code Battery}, {@code Storage Inverter}, {@code
 *     ESS Hub}, {@code HUB+}, {@code Gateway}, {@code PV Disconnect}, ...
 * @param serial {@code SERIAL}
 * @param model {@code MODEL}
 * @param type {@code TYPE} (empty on the PVS itself)
 * @param state {@code STATE}, e.g. {@code working} or {@code error}; {@code working} on vars
 * @param description {@code DESCR}
 * @param port {@code PORT}
 * @param softwareVersion {@code SWVER}
 * @param dataTimeMillis {@code DATATIME} (or vars {@code msmtEps}) as Unix ms, read as UTC; null
 *     when absent or malformed
 */
public record DeviceIdentity(
    String deviceType,
    String serial,
    String model,
    String type,
    String state,
    String description,
    String port,
    String softwareVersion,
    Long dataTimeMillis) {

  public static final String WORKING = "working";

  /**
   * Whether {@code STATE} is exactly {@code working}, the only state the Python exporter counted.
   */
  public boolean working() {
    return WORKING.equals(state);
  }

  /**
   * {@code production} for a {@code ...METER-P} type, {@code consumption} for {@code ...METER-C}.
   */
  public String meterMode() {
    if (type.endsWith("METER-P")) {
      return "production";
    }
    if (type.endsWith("METER-C")) {
      return "consumption";
    }
    return "unknown";
  }
}
