package dev.homeenergy.device.sunpower;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any device that is not the PVS, a meter or an inverter: ESS, ESS BMS, battery, storage inverter,
 * ESS hub, HUB+ / transfer switch, gateway, PV disconnect. DeviceList carries little more than
 * identity and state for these; vars {@code /sys/devices/ess/} and {@code
 * /sys/devices/transfer_switch/} carry measurements.
 *
 * @param values every numeric field, keyed by its DeviceList-style snake_case name (vars names
 *     converted: {@code socVal} → {@code soc_val}, {@code p3phsumKw} → {@code p_3phsum_kw})
 * @param operatingMode vars ESS {@code opMode}, or empty
 */
public record StorageDevice(DeviceIdentity id, Map<String, Double> values, String operatingMode) {

  public StorageDevice {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The named value, or null when the device did not send it. */
  public Double value(String field) {
    return values.get(field);
  }
}
