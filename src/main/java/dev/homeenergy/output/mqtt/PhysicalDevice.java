package dev.homeenergy.output.mqtt;

/**
 * One Home Assistant device: the configured device itself, or a device inside it (a PVS's inverter,
 * a Powerwall's battery pack, a car of a Tesla account) linked to it by {@code via_device}.
 *
 * @param id the stable identifier Home Assistant keys the device by
 * @param name the device's name as Home Assistant shows it
 * @param model model or part number, or null
 * @param serial serial number (or VIN), or null
 * @param firmware firmware version, or null
 * @param viaId the id of the device it is reached through, or null for the configured device
 */
record PhysicalDevice(
    String id, String name, String model, String serial, String firmware, String viaId) {}
