package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Secret;

/**
 * The SunPower-specific keys of a device entry.
 *
 * @param useTls talk HTTPS (the PVS certificate is self-signed and accepted as such)
 * @param api {@code auto} (null), or the API to use
 * @param serial PVS serial number for the new firmware's login; null to read it from {@code
 *     supervisor/info}
 * @param password the new firmware's login password; null for the last five characters of the
 *     serial
 * @param useDeviceDataTimestamp give samples the device's own measurement time ({@code DATATIME},
 *     UTC)
 */
public record SunpowerSettings(
    boolean useTls,
    SunpowerApi api,
    String serial,
    Secret password,
    boolean useDeviceDataTimestamp) {

  /**
   * Reads the settings of a device entry whose keys the config layer has typed (absent keys take
   * their defaults).
   */
  public static SunpowerSettings from(DeviceConfig config) {
    SunpowerApi mode =
        switch (String.valueOf(config.extra().getOrDefault("api", "auto"))) {
          case "dl_cgi" -> SunpowerApi.DL_CGI;
          case "vars" -> SunpowerApi.VARS;
          default -> null;
        };
    Object serial = config.extra().get("serial");
    Object password = config.extra().get("password");
    return new SunpowerSettings(
        config.flag("use_tls", false),
        mode,
        serial == null ? null : String.valueOf(serial),
        password instanceof Secret secret ? secret : null,
        config.flag("use_device_data_timestamp", false));
  }
}
