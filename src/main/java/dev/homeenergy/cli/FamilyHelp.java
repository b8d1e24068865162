package dev.homeenergy.cli;

import dev.homeenergy.app.Families;
import dev.homeenergy.app.Family;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Puts the family list into a command's help: gives the command a resource bundle of {@code
 * families.*} texts that its descriptions quote as {@code ${bundle:families.*}}, so every family
 * name, type, scenario and fault in the help comes from the families of the {@link CliContext} and
 * a new family shows up without touching a help text.
 */
final class FamilyHelp implements CommandLine.IModelTransformer {
  /** The families' human names, e.g. {@code Tesla Wall Connector Gen 3, SunPower PVS5 / PVS6}. */
  static final String DISPLAY_NAMES = "families.displayNames";

  /** The type names, each with its simulator's usage note. */
  static final String SIMULATOR_TYPES = "families.simulatorTypes";

  /** {@code type: scenario, scenario; type: ...}. */
  static final String SCENARIOS = "families.scenarios";

  /** {@code type: fault, fault; type: ...}, for the families that have faults. */
  static final String FAULTS = "families.faults";

  /** {@code simulate}'s arguments for the first family and a scenario other than its default. */
  static final String SIMULATE_EXAMPLE = "families.simulateExample";

  private final Families families;

  FamilyHelp(CliContext context) {
    this.families = context.families();
  }

  @Override
  public CommandSpec transform(CommandSpec spec) {
    return spec.resourceBundle(bundle(families));
  }

  /**
   * The texts, each made when a help asks for it: a command that prints no help loads none of the
   * simulators' scenarios and faults.
   */
  static ResourceBundle bundle(Families families) {
    List<Family> list = families.list();
    Map<String, Supplier<String>> texts = new LinkedHashMap<>();
    texts.put(DISPLAY_NAMES, () -> enumeration(list.stream().map(Family::displayName).toList()));
    texts.put(
        SIMULATOR_TYPES,
        () -> String.join(", ", list.stream().map(FamilyHelp::typeWithNote).toList()));
    texts.put(
        SCENARIOS,
        () ->
            perFamily(
                list.stream()
                    .map(f -> f.type() + ": " + String.join(", ", f.simulator().scenarios()))
                    .toList()));
    texts.put(
        FAULTS,
        () ->
            perFamily(
                list.stream()
                    .filter(f -> !f.simulator().faults().isEmpty())
                    .map(f -> f.type() + ": " + String.join(", ", f.simulator().faults()))
                    .toList()));
    texts.put(SIMULATE_EXAMPLE, () -> list.isEmpty() ? "" : simulateExample(list.get(0)));
    return new ResourceBundle() {
      @Override
      protected Object handleGetObject(String key) {
        Supplier<String> text = texts.get(key);
        return text == null ? null : text.get();
      }

      @Override
      public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
      }
    };
  }

  private static String typeWithNote(Family family) {
    String note = family.simulator().usageNote();
    return note.isEmpty() ? family.type() : family.type() + " (" + note + ")";
  }

  private static String simulateExample(Family family) {
    List<String> scenarios = family.simulator().scenarios();
    return family.type()
        + " --port 8080 --scenario "
        + scenarios.get(Math.min(1, scenarios.size() - 1))
        + " --speed 60";
  }

  private static String perFamily(List<String> entries) {
    return String.join("; ", entries);
  }

  /** {@code a}, {@code a and b}, {@code a, b, and c}. */
  private static String enumeration(List<String> names) {
    if (names.size() <= 2) {
      return String.join(" and ", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + ", and "
        + names.get(names.size() - 1);
  }
}
