package dev.homeenergy.device.powerwall.sim;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway measures at one model step. Powers are whole watts, signed as the API signs
 * them: {@code site} positive importing, {@code battery} positive discharging, {@code solar}
 * positive producing; {@code siteW == loadW - solarW - batteryW} exactly.
 *
 * @param time simulated time of the step
 * @param nanos sub-second part the gateway would print in its timestamps
 * @param voltageL1 line 1 to neutral (split phase, ~120 V)
 * @param voltageL2 line 2 to neutral
 * @param frequencyHz grid (or, islanded, battery-formed) frequency
 * @param packs every installed battery block, the second possibly disabled
 * @param islanded the grid is down
 */
public record SolarDaySnapshot(
    Instant time,
    int nanos,
    double solarW,
    double loadW,
    double batteryW,
    double siteW,
    double siteReactiveVar,
    double loadReactiveVar,
    double solarReactiveVar,
    double batteryReactiveVar,
    double voltageL1,
    double voltageL2,
    double frequencyHz,
    List<SolarDayPack> packs,
    SolarDayLifetime lifetime,
    boolean islanded) {

  public SolarDaySnapshot {
    packs = List.copyOf(packs);
  }

  /** Capacity of the packs in service. */
  public double fullPackWh() {
    return packs.stream().filter(p -> !p.disabled()).mapToDouble(SolarDayPack::fullPackWh).sum();
  }

  /** Energy stored in the packs in service. */
  public double remainingWh() {
    return packs.stream().filter(p -> !p.disabled()).mapToDouble(SolarDayPack::remainingWh).sum();
  }

  /** State of energy, 0..100, as {@code /api/system_status/soe} prints it. */
  public double percentage() {
    double full = fullPackWh();
    return full == 0 ? 0 : remainingWh() / full * 100;
  }

  /** Split-phase line-to-line voltage, ~240 V. */
  public double voltageLineToLine() {
    return voltageL1 + voltageL2;
  }
}
