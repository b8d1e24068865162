package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;

/**
 * One element of {@code iface_network_info.ip_networks}. Firmware 21.x sends {@code ip} and a
 * dotted {@code mask}; 23.x sends {@code IP} and {@code Mask} with the mask base64-encoded ({@code
 * ////AA==} = 255.255.255.0).
 */
public record IpNetwork(
    @JsonProperty("ip") @JsonAlias("IP") String ip,
    @JsonProperty("mask") @JsonAlias("Mask") String mask) {

  /** The mask in dotted form, decoding the 23.x base64 form; the text as sent otherwise. */
  public String dottedMask() {
    if (mask == null || mask.contains(".")) {
      return mask;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(mask);
      if (bytes.length != 4) {
        return mask;
      }
      return (bytes[0] & 0xff)
          + "."
          + (bytes[1] & 0xff)
          + "."
          + (bytes[2] & 0xff)
          + "."
          + (bytes[3] & 0xff);
    } catch (IllegalArgumentException e) {
      return mask;
    }
  }
}
