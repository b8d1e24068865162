package dev.homeenergy.device.powerwall.sim;

/**
 * One battery block at a model step.
 *
 * @param disabled taken out of service ({@code DisabledExcessiveVoltageDrop}); reports nulls
 * @param powerW output power, positive discharging
 * @param remainingWh energy stored now
 * @param fullPackWh nominal capacity
 * @param chargedWh lifetime energy charged
 * @param dischargedWh lifetime energy discharged
 */
public record SolarDayPack(
    boolean disabled,
    double powerW,
    double reactiveVar,
    double voltageV,
    double frequencyHz,
    double remainingWh,
    double fullPackWh,
    double chargedWh,
    double dischargedWh) {

  public double currentA() {
    return powerW / voltageV;
  }
}
