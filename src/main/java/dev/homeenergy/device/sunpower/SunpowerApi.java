package dev.homeenergy.device.sunpower;

import java.util.Locale;

/**
 * Which local API a PVS is read through: the legacy {@code dl_cgi?Command=DeviceList} of older
 * firmware, or the authenticated varserver {@code /vars} of PVS6 build 61840+ / PVS5 5408+, which
 * answers 403 on {@code dl_cgi}.
 */
public enum SunpowerApi {
  DL_CGI,
  VARS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
