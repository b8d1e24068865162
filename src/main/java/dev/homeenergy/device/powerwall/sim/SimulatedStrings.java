package dev.homeenergy.device.powerwall.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The PV strings of one simulated inverter, each with its own number of modules and its own
 * orientation, drawn once from the inverter's serial (so the same unit always has the same roof). A
 * string's share of the inverter's power follows its modules times its orientation and the shares
 * add up to exactly the inverter's total, so the strings of one inverter differ as real ones do
 * while their sum still matches the inverter's PV power.
 *
 * @param names the string names, A, B, ...
 * @param modules modules in series per string, 7..11
 * @param shares each string's share of the inverter's PV power, summing to 1
 */
record SimulatedStrings(List<String> names, List<Integer> modules, List<Double> shares) {
  /** Voltage of one module at its maximum power point. */
  static final double MODULE_VOLTS = 37.5;

  SimulatedStrings {
    names = List.copyOf(names);
    modules = List.copyOf(modules);
    shares = List.copyOf(shares);
  }

  /** The strings of the inverter with this serial (a DIN, say). */
  static SimulatedStrings of(String serial, List<String> names) {
    Random random = new Random(serial.hashCode());
    List<Integer> modules = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < names.size(); i++) {
      int count = 7 + random.nextInt(5);
      double orientation = 0.75 + 0.25 * random.nextDouble();
      modules.add(count);
      weights.add(count * orientation);
      total += count * orientation;
    }
    List<Double> shares = new ArrayList<>();
    for (double weight : weights) {
      shares.add(weight / total);
    }
    return new SimulatedStrings(names, modules, shares);
  }

  /** The voltage of string {@code i} while it produces. */
  double producingVolts(int i) {
    return modules.get(i) * MODULE_VOLTS;
  }

  /** The power of string {@code i} when the inverter's strings produce {@code totalWatts}. */
  double watts(int i, double totalWatts) {
    return totalWatts * shares.get(i);
  }
}
