package dev.homeenergy.device.wallconnector;

/** Firmware generations whose API bodies differ, so a client can be tested against each shape. */
public enum Firmware {
  /** 25.x: 27 vitals keys including {@code evse_not_ready_reasons}; version has 5 keys. */
  V25("25.34.1+ge48cc9be91ebc7", true, false, true),
  /** 21.x: no {@code evse_not_ready_reasons}; version has only 3 keys; relay coil idles at 12 V. */
  V21("21.29.1+g4152353e50f744", false, false, false),
  /**
   * Newer firmware reporting {@code relay_k1_v} and {@code relay_k2_v} instead of {@code
   * relay_coil_v}.
   */
  RELAY_SPLIT("25.42.1+gd54dd6fc87801d", true, true, true);

  private final String version;
  private final boolean notReadyReasons;
  private final boolean splitRelay;
  private final boolean extendedVersion;

  Firmware(String version, boolean notReadyReasons, boolean splitRelay, boolean extendedVersion) {
    this.version = version;
    this.notReadyReasons = notReadyReasons;
    this.splitRelay = splitRelay;
    this.extendedVersion = extendedVersion;
  }

  /** The {@code firmware_version} string this generation reports. */
  public String version() {
    return version;
  }

  /** Whether vitals end with {@code evse_not_ready_reasons}. */
  public boolean reportsNotReadyReasons() {
    return notReadyReasons;
  }

  /** Whether vitals carry {@code relay_k1_v}/{@code relay_k2_v} instead of {@code relay_coil_v}. */
  public boolean reportsSplitRelay() {
    return splitRelay;
  }

  /** Whether version carries {@code git_branch} and {@code web_service}. */
  public boolean reportsExtendedVersion() {
    return extendedVersion;
  }

  /** Whether the relay coil reads about 12 V while the contactor is open, as on 21.x. */
  public boolean idlesRelayCoilHigh() {
    return this == V21;
  }
}
