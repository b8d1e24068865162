package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.EndpointFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one poll of a PVS brought back, before parsing.
 *
 * @param api the API the bodies come from (detected when {@code api: auto})
 * @param deviceList body of {@code dl_cgi?Command=DeviceList} (dl_cgi only, else null)
 * @param comm body of {@code Command=Get_Comm}, read hourly (its last good body), or null
 * @param gridProfile body of {@code Command=GridProfileGet}, read hourly (its last good body), or
 *     null
 * @param vars varserver answers ({@code fmt=obj}) keyed by the match prefix in {@link
 *     #VARS_MATCHES}; a prefix with no variables on this PVS (no ESS: HTTP 400) maps to {@code
 *     "{}"} (vars only)
 * @param supervisorInfo body of {@code /cgi-bin/dl_cgi/supervisor/info} when read (vars only), or
 *     null
 * @param failures endpoints that failed on their own (Get_Comm, GridProfileGet); only their metrics
 *     are missing
 */
public record SunpowerResponses(
    SunpowerApi api,
    String deviceList,
    String comm,
    String gridProfile,
    Map<String, String> vars,
    String supervisorInfo,
    List<EndpointFailure> failures) {

  /** The {@code /vars?match=} prefixes read on new firmware, each as one cached query. */
  public static final List<String> VARS_MATCHES =
      List.of(
          "/sys/info/",
          "/sys/livedata/",
          "/sys/devices/inverter/",
          "/sys/devices/meter/",
          "/sys/devices/ess/",
          "/sys/devices/transfer_switch/");

  public SunpowerResponses {
    vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new HashMap<>(vars));
    failures = List.copyOf(failures);
  }
}
