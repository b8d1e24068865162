package dev.homeenergy.device.powerwall.sim;

import java.util.List;

/** Fixed identity of the simulated gateway and its packs (made-up serials in the real formats). */
record PowerwallSimulatorIdentity(
    String din,
    String siteName,
    List<String> packPartNumbers,
    List<String> packSerials,
    String meterSerial,
    String wifiSsid,
    String wifiMac) {

  static PowerwallSimulatorIdentity defaults() {
    return new PowerwallSimulatorIdentity(
        "1232100-00-E--TG121048001E4G",
        "Home Energy Gateway",
        List.of("3012170-05-B", "3012170-05-C"),
        List.of("TG1210480011AB", "TG1210480012CD"),
        "JBL12345Y1F012",
        "HomeNetwork",
        "b8:27:eb:5e:1a:7c");
  }

  String packPartNumber(int pack) {
    return packPartNumbers.get(pack % packPartNumbers.size());
  }

  String packSerial(int pack) {
    return pack < packSerials.size() ? packSerials.get(pack) : "TG12104800" + (20 + pack) + "EF";
  }
}
