package dev.homeenergy.doctor;

import dev.homeenergy.core.DoctorStep;
import java.net.URI;
import java.util.List;

/**
 * What {@code doctor} found for one device: its steps in order, each with its verdict and hints.
 *
 * @param name the device's name
 * @param type the device's family type
 * @param address where the device was reached
 * @param steps the network steps, then the family's
 */
public record DeviceDiagnosis(String name, String type, URI address, List<DoctorStep> steps) {

  public DeviceDiagnosis {
    steps = List.copyOf(steps);
  }

  /** True when no step failed: the device answers. */
  public boolean answers() {
    return steps.stream().noneMatch(step -> step.verdict() == DoctorStep.Verdict.FAILED);
  }

  /** The block {@code doctor} prints: a heading, one line per step, then the hints. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(name + " (" + type + ") at " + address);
    int width = steps.stream().mapToInt(step -> step.name().length()).max().orElse(0);
    for (DoctorStep step : steps) {
      lines.add(
          "  "
              + step.verdict().mark()
              + " "
              + step.name()
              + " ".repeat(width - step.name().length())
              + "  "
              + step.detail());
    }
    steps.stream()
        .flatMap(step -> step.hints().stream())
        .distinct()
        .forEach(hint -> lines.add("  hint: " + hint));
    return lines;
  }
}
