package dev.homeenergy.device.powerwall.sim;

/** Firmware the simulated gateway reports; decides which body shapes it prints. */
enum PowerwallSimulatorFirmware {
  V21_44("21.44 223a56cd", "223a56cd575b7b19bad7e12a4ebad0eb52d1f50a"),
  V23_44("23.44.0 9064fc6a", "9064fc6a5b32425509f91f19556f2431cb7f6872");

  private final String version;
  private final String gitHash;

  PowerwallSimulatorFirmware(String version, String gitHash) {
    this.version = version;
    this.gitHash = gitHash;
  }

  static PowerwallSimulatorFirmware of(GatewayScenario scenario) {
    return scenario.firmware23() ? V23_44 : V21_44;
  }

  String version() {
    return version;
  }

  String gitHash() {
    return gitHash;
  }

  /** The 14-hex prefix battery blocks print as their {@code version}. */
  String blockVersion() {
    return gitHash.substring(0, 14);
  }

  boolean is23() {
    return this == V23_44;
  }
}
