package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code iface_network_info} of a network interface (absent on inactive ones). Signal strength
 * is 0..100 and 0 on wired interfaces.
 */
public record NetworkInfo(
    @JsonProperty("network_name") String networkName,
    @JsonProperty("ip_networks") List<IpNetwork> ipNetworks,
    @JsonProperty("gateway") String gateway,
    @JsonProperty("interface") String iface,
    @JsonProperty("state") String state,
    @JsonProperty("state_reason") String stateReason,
    @JsonProperty("signal_strength") Double signalStrength,
    @JsonProperty("hw_address") String hwAddress) {

  public NetworkInfo {
    ipNetworks = Lists.copyWithNulls(ipNetworks);
  }
}
