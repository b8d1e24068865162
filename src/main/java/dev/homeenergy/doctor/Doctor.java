package dev.homeenergy.doctor;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.DoctorStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks configured devices step by step for {@code home-energy-exporter doctor}: the network steps
 * every device shares ({@link NetworkChecks}), then, when those pass, the family's own ({@link
 * DeviceFamily#doctor}). Devices are checked one after another, so their logins and reads never
 * overlap.
 */
public final class Doctor {
  private final List<DeviceFamily> families;

  public Doctor(List<DeviceFamily> families) {
    this.families = List.copyOf(families);
  }

  /** Checks one device; never throws for what the device does. */
  public DeviceDiagnosis diagnose(DeviceConfig config, DeviceContext context) {
    DeviceFamily family =
        families.stream()
            .filter(f -> f.type().equals(config.type()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no device family " + config.type()));
    DeviceDoctor doctor;
    try {
      doctor = family.doctor(config, context);
    } catch (RuntimeException e) {
      return new DeviceDiagnosis(
          config.name(),
          config.type(),
          config.address(),
          List.of(DoctorStep.failed("settings", e.getMessage(), List.of())));
    }
    List<DoctorStep> steps = new ArrayList<>(NetworkChecks.run(doctor, config.timeout()));
    if (steps.stream().anyMatch(step -> step.verdict() == DoctorStep.Verdict.FAILED)) {
      steps.add(
          DoctorStep.skipped(family.displayName(), "not checked: the device is not reachable"));
    } else {
      try {
        steps.addAll(doctor.check());
      } catch (RuntimeException e) {
        steps.add(
            DoctorStep.failed(
                family.displayName(), "the check itself failed: " + e.getMessage(), List.of()));
      }
    }
    return new DeviceDiagnosis(config.name(), config.type(), doctor.address(), steps);
  }
}
