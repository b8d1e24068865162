package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code GET /api/meters/<category>}: a meter device ({@code neurio_tcp}, {@code
 * synchrometerX}, ...) and its latest readings under the capitalised {@code Cached_readings}.
 */
public record Meter(
    @JsonProperty("id") Integer id,
    @JsonProperty("location") String location,
    @JsonProperty("type") String type,
    @JsonProperty("connection") MeterConnection connection,
    @JsonProperty("Cached_readings") MeterReadings cachedReadings) {

  /** {@code connection.device_serial}, or null. */
  public String deviceSerial() {
    return connection == null ? null : connection.deviceSerial();
  }
}
