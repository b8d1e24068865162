package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/1/wifi_status}. {@code wifi_ssid} is kept exactly as sent, which is
 * base64 on every firmware captured; {@link #decodedSsid()} gives the readable name.
 */
public record WifiStatus(
    @JsonProperty("wifi_ssid") String ssid,
    @JsonProperty("wifi_signal_strength") Double signalStrengthPercent,
    @JsonProperty("wifi_rssi") Double rssiDbm,
    @JsonProperty("wifi_snr") Double snrDecibels,
    @JsonProperty("wifi_connected") Boolean connected,
    @JsonProperty("wifi_infra_ip") String infraIp,
    @JsonProperty("internet") Boolean internet,
    @JsonProperty("wifi_mac") String mac) {

  /**
   * The SSID base64-decoded, or as sent when it is not valid base64 or does not decode to printable
   * UTF-8 (some firmware may send plain text); null when absent.
   */
  public String decodedSsid() {
    return SsidDecoder.decode(ssid);
  }
}
