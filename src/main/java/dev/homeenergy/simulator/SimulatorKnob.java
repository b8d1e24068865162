package dev.homeenergy.simulator;

/**
 * A setting only one family's simulated device has (the number of microinverters of a PVS, say),
 * given on the command line as {@code --<name> VALUE} and handed to the family in {@link
 * SimulatorOptions#settings()}. The family declares it, so the command line learns it from the
 * family list instead of naming any family.
 *
 * @param name the flag without its dashes, e.g. {@code inverters}
 * @param paramLabel what the value is in the usage line, e.g. {@code N}
 * @param description help text, e.g. {@code microinverters on the site, 1..500 (default: 12).}
 * @param check refuses a value the simulator would not take
 */
public record SimulatorKnob(String name, String paramLabel, String description, Check check) {

  /** Checks one value of a knob before any simulator starts. */
  @FunctionalInterface
  public interface Check {
    /**
     * Returns when the simulator would take {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong, without the flag's name
     */
    void check(String value);
  }
}
