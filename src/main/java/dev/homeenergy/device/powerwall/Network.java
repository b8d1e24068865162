package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code GET /api/networks}: an interface ({@code EthType}, {@code WifiType}, {@code
 * GsmType}) and its flags. {@code dhcp} may be null (GSM); {@code iface_network_info} is absent on
 * inactive interfaces.
 */
public record Network(
    @JsonProperty("network_name") String networkName,
    @JsonProperty("interface") String iface,
    @JsonProperty("dhcp") Boolean dhcp,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("active") Boolean active,
    @JsonProperty("primary") Boolean primary,
    @JsonProperty("lastTeslaConnected") Boolean lastTeslaConnected,
    @JsonProperty("lastInternetConnected") Boolean lastInternetConnected,
    @JsonProperty("security_type") String securityType,
    @JsonProperty("iface_network_info") NetworkInfo ifaceNetworkInfo) {}
