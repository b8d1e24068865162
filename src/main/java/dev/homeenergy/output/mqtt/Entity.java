package dev.homeenergy.output.mqtt;

import java.util.List;

/**
 * One Home Assistant entity of a configured device: a series (or, for an enum, a group of series
 * that differ only in their state) of one metric family.
 *
 * @param key the entity's key in the device's state JSON and its discovery object id
 * @param name the entity's name within its device
 * @param kind the component, classes and unit
 * @param options an enum's states as seen so far; empty for other entities
 * @param device the Home Assistant device the entity belongs to
 */
record Entity(
    String key, String name, HomeAssistantClass kind, List<String> options, PhysicalDevice device) {
  Entity {
    options = List.copyOf(options);
  }
}
