package dev.homeenergy.app;

import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.simulator.FamilySimulator;

/**
 * One device family as the exporter lists it: its production seam and its simulator.
 *
 * @param device config keys, client and namings
 * @param simulator scenarios, faults and demo devices of its simulated device
 */
public record Family(DeviceFamily device, FamilySimulator simulator) {

  public String type() {
    return device.type();
  }

  public String displayName() {
    return device.displayName();
  }
}
