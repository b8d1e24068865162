package dev.homeenergy.device.sunpower.sim;

import java.util.Locale;

/**
 * Serial numbers and versions of the simulated PVS and its devices, derived from the PVS serial.
 */
public record SunpowerSimulatorIdentity(String serial, boolean newFirmware) {
  static final String LEGACY_SWVER = "2025.06, Build 61839";
  static final String LOCKED_SWVER = "2025.09, Build 61845";
  static final String LOCKED_SW_REV = "2025.09.04.61845";

  String swver() {
    return newFirmware ? LOCKED_SWVER : LEGACY_SWVER;
  }

  int build() {
    return newFirmware ? 61845 : 61839;
  }

  String productionMeterSerial() {
    return meterStem() + "p";
  }

  String consumptionMeterSerial() {
    return meterStem() + "c";
  }

  String inverterSerial(int index) {
    return String.format(Locale.ROOT, "E0012214%07d", 8_074_610 + 137L * index);
  }

  private String meterStem() {
    String digits = serial.replaceAll("[^0-9]", "");
    return "PVS6M" + (digits.length() > 8 ? digits.substring(digits.length() - 8) : digits);
  }
}
