package dev.homeenergy.config;

/**
 * A {@code devices:} entry as far as it could be read, with the lines cross-device checks point at.
 * {@code config} is null when the entry has problems of its own.
 *
 * @param path key path of the entry, e.g. {@code devices[1]}
 * @param line line of the entry
 * @param name the device name, or null when missing or invalid
 * @param nameLine line of {@code name:}
 * @param type the known device type, or null
 * @param naming the naming style, or null when invalid
 * @param namingLine line of {@code naming:}, or of the entry when naming is defaulted
 * @param config the validated device, or null
 */
record DeviceEntry(
    String path,
    int line,
    String name,
    int nameLine,
    String type,
    NamingStyle naming,
    int namingLine,
    DeviceConfig config) {}
