package dev.homeenergy.device.powerwall;

import java.util.List;
import java.util.Map;

/**
 * What one round of TEDAPI reads says about the site, in base units (W, J, V, A, Hz, °C, ratios).
 * Every value may be null and every list empty: firmware drops fields, Powerwall 3 answers are
 * padded with placeholder devices, and a query may have been rejected.
 *
 * @param powerWatts real power by meter location in lower case ({@code battery}, {@code site}, ...)
 * @param alerts the site's active alerts
 * @param island grid-side and load-side voltage and frequency per used phase
 * @param cts current transformers of the synchrometer (x, y) and backup switch (z) meters
 * @param meterVolts voltage per used phase of each meter
 * @param neurioCts the enabled current transformers of each Neurio meter
 * @param remoteMeterCts the current transformers of each Tesla Remote Meter
 * @param inverters Powerwall 3 units and Powerwall+ solar inverters
 * @param batteries battery packs: Powerwall 3 units and expansions, Powerwall 2 packs
 * @param componentAlerts active alerts of single components
 * @param blocks the battery blocks of the gateway's config
 * @param reserveRatio backup reserve, 0..1, gateway scale
 */
record TedapiData(
    Map<String, Double> powerWatts,
    Double fullPackJoules,
    Double remainingJoules,
    Boolean gridConnected,
    String islandGridState,
    String islandMode,
    Boolean contactorClosed,
    Boolean gridOk,
    Boolean microGridOk,
    Boolean siteShutdown,
    Boolean sitemasterRunning,
    List<String> alerts,
    List<Island> island,
    List<Ct> cts,
    List<MeterVolts> meterVolts,
    List<NeurioCt> neurioCts,
    List<RemoteMeterCt> remoteMeterCts,
    List<Inverter> inverters,
    List<Battery> batteries,
    List<ComponentAlert> componentAlerts,
    List<Block> blocks,
    Double reserveRatio,
    String operationMode,
    Double nominalEnergyJoules,
    Double nominalPowerWatts) {

  TedapiData {
    powerWatts = Map.copyOf(powerWatts);
    alerts = List.copyOf(alerts);
    island = List.copyOf(island);
    cts = List.copyOf(cts);
    meterVolts = List.copyOf(meterVolts);
    neurioCts = List.copyOf(neurioCts);
    remoteMeterCts = List.copyOf(remoteMeterCts);
    inverters = List.copyOf(inverters);
    batteries = List.copyOf(batteries);
    componentAlerts = List.copyOf(componentAlerts);
    blocks = List.copyOf(blocks);
  }

  /** The site's charge, 0..1, from the site's remaining and full energy. */
  Double chargeRatio() {
    if (fullPackJoules == null || remainingJoules == null || fullPackJoules <= 0) {
      return null;
    }
    return remainingJoules / fullPackJoules;
  }

  /** Voltage and frequency of one phase on the grid ({@code main}) or load side of the island. */
  record Island(String phase, String side, Double volts, Double hertz) {}

  /**
   * One current transformer of a meter ({@code x}, {@code y}, {@code z}; ct {@code a}..{@code c}).
   */
  record Ct(String meter, String ct, Double watts, Double voltAmperesReactive, Double amperes) {}

  /** The voltage of one phase (line to neutral; line to ground on meter z) at a meter. */
  record MeterVolts(String meter, String phase, Double volts) {}

  /**
   * One current transformer of a Neurio meter.
   *
   * @param ct its position in the meter's readings, from {@code 1}
   * @param location the location of the config entry that enables it ({@code site}, {@code solar},
   *     ...), empty when the config names none
   * @param watts real power, scaled by the entry's {@code real_power_scale_factor}
   */
  record NeurioCt(
      String serial,
      String ct,
      String location,
      Double watts,
      Double voltAmperesReactive,
      Double volts,
      Double amperes) {}

  /**
   * One current transformer of a Tesla Remote Meter.
   *
   * @param ct its position in the meter's readings, from {@code 1}
   * @param exportedJoules lifetime energy exported (the meter counts watt-seconds)
   * @param importedJoules lifetime energy imported
   */
  record RemoteMeterCt(
      String din,
      String ct,
      Double watts,
      Double voltAmperesReactive,
      Double volts,
      Double amperes,
      Double exportedJoules,
      Double importedJoules) {}

  /**
   * A Powerwall 3 unit (id = its DIN) or a Powerwall+ solar inverter (id = its serial).
   *
   * @param lineVolts by line ({@code an}, {@code bn}, {@code cn}, {@code l1g}, {@code l2g})
   * @param states by kind ({@code state}, {@code ac_mode}, {@code dcdc_a}, {@code dcdc_b}, {@code
   *     pvs})
   * @param fanRpm by fan ({@code a}, {@code b}, {@code actual}, {@code target})
   * @param fanDutyRatio by fan, 0..1
   * @param packs battery packs by state ({@code connected}, {@code present}, {@code expected})
   */
  record Inverter(
      String id,
      List<PvString> strings,
      Double pvPowerWatts,
      Double volts,
      Double hertz,
      Map<String, Double> lineVolts,
      Map<String, String> states,
      Double batteryPowerWatts,
      Double acPowerWatts,
      Map<String, Double> fanRpm,
      Map<String, Double> fanDutyRatio,
      Double ambientCelsius,
      Map<String, Double> packs) {
    Inverter {
      strings = List.copyOf(strings);
      lineVolts = Map.copyOf(lineVolts);
      states = Map.copyOf(states);
      fanRpm = Map.copyOf(fanRpm);
      fanDutyRatio = Map.copyOf(fanDutyRatio);
      packs = Map.copyOf(packs);
    }
  }

  /**
   * One PV input (MPPT) of an inverter: {@code A}..{@code F} on a Powerwall 3, {@code A}..{@code D}
   * on a Powerwall+. There is no measured string power; {@link #watts()} is volts × amperes.
   */
  record PvString(String name, Double volts, Double amperes, Boolean connected, String state) {
    Double watts() {
      return volts == null || amperes == null ? null : volts * amperes;
    }
  }

  /**
   * A battery pack by serial.
   *
   * @param temperaturesCelsius by sensor ({@code ambient}, {@code pack_max}, {@code pack_min},
   *     {@code shunt})
   * @param dischargedCoulombs lifetime charge discharged (the pack counts ampere-hours)
   * @param overTemperatureEvents lifetime over-temperature events by phase ({@code discharge},
   *     {@code charge})
   */
  record Battery(
      String serial,
      Double fullPackJoules,
      Double remainingJoules,
      Map<String, Double> temperaturesCelsius,
      Double outputWatts,
      Double outputVolts,
      Double outputHertz,
      String pinvState,
      String pinvGridState,
      Double dischargedJoules,
      Double fullCycles,
      Double dischargedCoulombs,
      Map<String, Double> overTemperatureEvents) {
    Battery {
      temperaturesCelsius = Map.copyOf(temperaturesCelsius);
      overTemperatureEvents = Map.copyOf(overTemperatureEvents);
    }
  }

  /** An active alert of one component ({@code pch}, {@code bms}, {@code pvac}, ...) of a unit. */
  record ComponentAlert(String unit, String component, String alert) {}

  /** A battery block of the config: a unit or one of its expansion packs. */
  record Block(String din, String type, String role) {}
}
