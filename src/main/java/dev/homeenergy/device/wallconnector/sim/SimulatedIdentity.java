package dev.homeenergy.device.wallconnector.sim;

import java.util.Objects;

/**
 * Fixed identity of a simulated unit. Defaults use documentation addresses (RFC 5737 IPv4, RFC 7042
 * MAC) so simulated data can never be mistaken for a real unit on a real network.
 *
 * @param ssid plain-text SSID; the unit reports it base64-encoded
 */
public record SimulatedIdentity(
    String serialNumber, String partNumber, String ssid, String ipAddress, String macAddress) {

  public SimulatedIdentity {
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(partNumber, "partNumber");
    Objects.requireNonNull(ssid, "ssid");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(macAddress, "macAddress");
  }

  /** A Universal Wall Connector (part 1734412-02-D) on the home Wi-Fi "HomeEnergyLab". */
  public static SimulatedIdentity defaults() {
    return new SimulatedIdentity(
        "B7S24101J00042", "1734412-02-D", "HomeEnergyLab", "192.0.2.41", "00:00:5E:00:53:2A");
  }
}
