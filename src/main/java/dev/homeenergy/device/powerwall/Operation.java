package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/operation}: operating mode and backup reserve (API scale, percent).
 * Firmware of 2018 named the mode {@code mode} instead of {@code real_mode}.
 */
public record Operation(
    @JsonProperty("real_mode") String realMode,
    @JsonProperty("mode") String mode,
    @JsonProperty("backup_reserve_percent") Double backupReservePercent,
    @JsonProperty("freq_shift_load_shed_soe") Double freqShiftLoadShedSoe,
    @JsonProperty("freq_shift_load_shed_delta_f") Double freqShiftLoadShedDeltaF) {

  /** {@code real_mode}, or the 2018 {@code mode} when {@code real_mode} is absent. */
  public String effectiveMode() {
    return realMode != null ? realMode : mode;
  }
}
