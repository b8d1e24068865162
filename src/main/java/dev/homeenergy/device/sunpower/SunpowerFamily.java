package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.FamilyKey;
import dev.homeenergy.config.KeyType;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import java.time.Duration;

/**
 * SunPower PVS5 / PVS6 supervisors: the legacy {@code dl_cgi} DeviceList API, or the 2025
 * firmware's authenticated {@code /vars} API, detected automatically, mapped onto one set of
 * metrics.
 */
public final class SunpowerFamily implements DeviceFamily {
  public static final String TYPE = "sunpower";

  /** Polling a PVS faster than this makes it slow down, leak and reboot (sunpower.md §4). */
  public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(30);

  private static final DeviceTypeSpec SPEC =
      DeviceTypeSpec.builder(TYPE)
          .scheme("http")
          .port(80)
          .interval(Duration.ofSeconds(120))
          .timeout(Duration.ofSeconds(60))
          .key(FamilyKey.withDefault("use_tls", KeyType.flag(), false))
          .key(FamilyKey.withDefault("api", KeyType.oneOf("auto", "dl_cgi", "vars"), "auto"))
          .key("serial", KeyType.text())
          .key("password", KeyType.secret())
          .key(FamilyKey.withDefault("use_device_data_timestamp", KeyType.flag(), false))
          .minimumInterval(
              MINIMUM_INTERVAL,
              "the PVS is known to slow down, leak memory and reboot when polled this often (120s is the usual safe choice)")
          .build();

  private static final Namings<SunpowerReading> NAMINGS =
      Namings.of(
          SunpowerReading.class,
          c -> new NativeNaming(SunpowerSettings.from(c).useDeviceDataTimestamp()),
          c -> new CompatNaming(SunpowerSettings.from(c).useDeviceDataTimestamp()));

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "SunPower PVS5 / PVS6";
  }

  @Override
  public DeviceDoctor doctor(DeviceConfig config, DeviceContext context) {
    return new SunpowerDoctor(config, context);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new SunpowerClient(config, context);
  }

  @Override
  public Namings<SunpowerReading> namings() {
    return NAMINGS;
  }
}
