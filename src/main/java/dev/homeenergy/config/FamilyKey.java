package dev.homeenergy.config;

import java.util.Objects;

/**
 * One family-specific key of a device entry, as the family declares it in its {@link
 * DeviceTypeSpec}: the config layer reads, checks and types it, so the family gets a ready value in
 * {@link DeviceConfig#extra()} and problems come with their line.
 *
 * @param name the key as written in the file
 * @param type how its value is read and what Java type it becomes
 * @param required whether a device entry must give it
 * @param defaultValue the value used when the key is absent, of the type's Java type; null for none
 *     (the key is then absent from {@code extra})
 * @param help what to give, appended to the "required" problem (e.g. "the Client ID of your app")
 * @param unlessGiven for a required key, another key of the family that, when given, stands in for
 *     it (the family then derives this one from it); null for none
 */
public record FamilyKey(
    String name,
    KeyType type,
    boolean required,
    Object defaultValue,
    String help,
    String unlessGiven) {
  public FamilyKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    help = help == null ? "" : help;
    if (required && defaultValue != null) {
      throw new IllegalArgumentException(name + ": a required key has no default");
    }
    if (!required && unlessGiven != null) {
      throw new IllegalArgumentException(name + ": only a required key has a stand-in");
    }
  }

  /** An optional key without a default. */
  public static FamilyKey optional(String name, KeyType type) {
    return new FamilyKey(name, type, false, null, "", null);
  }

  /** An optional key with a default (shown by {@code check-config}). */
  public static FamilyKey withDefault(String name, KeyType type, Object defaultValue) {
    return new FamilyKey(
        name, type, false, Objects.requireNonNull(defaultValue, "defaultValue"), "", null);
  }

  /** A key every entry of the family must give; {@code help} says what it is. */
  public static FamilyKey required(String name, KeyType type, String help) {
    return new FamilyKey(name, type, true, null, help, null);
  }

  /**
   * A key every entry must give unless it gives {@code standIn}, from which the family derives it
   * (the Powerwall's customer password from the gateway password, say).
   */
  public static FamilyKey requiredUnless(String name, KeyType type, String help, String standIn) {
    return new FamilyKey(name, type, true, null, help, Objects.requireNonNull(standIn, "standIn"));
  }
}
