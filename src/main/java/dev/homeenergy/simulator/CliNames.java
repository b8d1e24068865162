package dev.homeenergy.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Command-line names of a simulator's scenario and fault enums, for the enums to delegate to. */
public final class CliNames {
  private CliNames() {}

  /** Every constant's name in declaration order. */
  public static <E extends Enum<E>> List<String> of(E[] values, Function<E, String> cliName) {
    return Arrays.stream(values).map(cliName).toList();
  }

  /**
   * The constant named {@code name}.
   *
   * @param family e.g. {@code Wall Connector}
   * @param kind e.g. {@code scenario} or {@code fault}
   * @throws IllegalArgumentException {@code unknown <family> <kind> '<name>', valid <kind>s: a, b}
   */
  public static <E extends Enum<E>> E parse(
      E[] values, Function<E, String> cliName, String name, String family, String kind) {
    for (E value : values) {
      if (cliName.apply(value).equals(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + family
            + " "
            + kind
            + " '"
            + name
            + "', valid "
            + kind
            + "s: "
            + String.join(", ", of(values, cliName)));
  }
}
