package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code connection} of a meter device in {@code /api/meters/<category>}. */
public record MeterConnection(
    @JsonProperty("short_id") String shortId,
    @JsonProperty("device_serial") String deviceSerial,
    @JsonProperty("ip_address") String ipAddress,
    @JsonProperty("port") Integer port,
    @JsonProperty("neurio_connected") Boolean neurioConnected) {}
