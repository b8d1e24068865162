package dev.homeenergy.config;

/**
 * Where a family reports what is wrong with a device entry beyond the types of its keys (a rule
 * across keys, a certificate file that holds no certificate); the config loader adds the entry's
 * path and the key's line.
 */
@FunctionalInterface
public interface FamilyProblems {
  /**
   * @param key the key the problem is about (its line is reported), or empty for the entry itself
   * @param message what is wrong, never containing a secret value
   */
  void add(String key, String message);
}
