package dev.homeenergy.config;

/**
 * The family-specific check of one device entry whose keys all parsed, run by the config loader so
 * that its problems join the others in one pass, each with its line. The app's family list provides
 * it; the config package knows no family.
 */
@FunctionalInterface
public interface DeviceCheck {
  /** Checks nothing: for loaders without families (tests of the config layer). */
  DeviceCheck NONE = (device, problems) -> {};

  void check(DeviceConfig device, FamilyProblems problems);
}
