package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homeenergy.config.Durations;
import java.time.Duration;

/**
 * The body of {@code GET /api/status}: gateway identity and uptime. {@code up_time_seconds} is a Go
 * duration string ({@code 230h55m59.932079901s}), {@code start_time} a non-ISO local time ({@code
 * 2021-12-16 22:13:25 +0800}) kept as text. {@code can_reboot} is a boolean here (23.x only),
 * unlike the string of the same name in sitemaster and system_status.
 */
public record Status(
    @JsonProperty("din") String din,
    @JsonProperty("start_time") String startTime,
    @JsonProperty("up_time_seconds") String upTime,
    @JsonProperty("is_new") Boolean isNew,
    @JsonProperty("version") String version,
    @JsonProperty("git_hash") String gitHash,
    @JsonProperty("commission_count") Long commissionCount,
    @JsonProperty("device_type") String deviceType,
    @JsonProperty("teg_type") String tegType,
    @JsonProperty("sync_type") String syncType,
    @JsonProperty("cellular_disabled") Boolean cellularDisabled,
    @JsonProperty("can_reboot") Boolean canReboot) {

  /** {@code up_time_seconds} in seconds, or null when absent or not a Go duration. */
  public Double uptimeSeconds() {
    if (upTime == null) {
      return null;
    }
    try {
      Duration d = Durations.parse(upTime);
      return d.getSeconds() + d.getNano() / 1e9;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
