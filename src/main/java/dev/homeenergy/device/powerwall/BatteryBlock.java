package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One element of {@code battery_blocks} in {@code /api/system_status}: one battery pack. Energies
 * are Wh ({@code energy_charged}/{@code energy_discharged} lifetime totals). A disabled pack has
 * {@code disabled_reasons}, {@code OpSeqState} {@code Standby}, empty state strings and {@code
 * null} energies and outputs. Note the capitalised {@code PackagePartNumber}, {@code
 * PackageSerialNumber}, {@code OpSeqState} and {@code Type}.
 */
public record BatteryBlock(
    @JsonProperty("Type") String packageType,
    @JsonProperty("PackagePartNumber") String packagePartNumber,
    @JsonProperty("PackageSerialNumber") String packageSerialNumber,
    @JsonProperty("disabled_reasons") List<String> disabledReasons,
    @JsonProperty("pinv_state") String pinvState,
    @JsonProperty("pinv_grid_state") String pinvGridState,
    @JsonProperty("nominal_energy_remaining") Double nominalEnergyRemaining,
    @JsonProperty("nominal_full_pack_energy") Double nominalFullPackEnergy,
    @JsonProperty("p_out") Double pOut,
    @JsonProperty("q_out") Double qOut,
    @JsonProperty("v_out") Double vOut,
    @JsonProperty("f_out") Double fOut,
    @JsonProperty("i_out") Double iOut,
    @JsonProperty("energy_charged") Double energyCharged,
    @JsonProperty("energy_discharged") Double energyDischarged,
    @JsonProperty("off_grid") Boolean offGrid,
    @JsonProperty("vf_mode") Boolean vfMode,
    @JsonProperty("wobble_detected") Boolean wobbleDetected,
    @JsonProperty("charge_power_clamped") Boolean chargePowerClamped,
    @JsonProperty("backup_ready") Boolean backupReady,
    @JsonProperty("OpSeqState") String opSeqState,
    @JsonProperty("version") String version) {

  public BatteryBlock {
    disabledReasons = disabledReasons == null ? null : Lists.copyWithNulls(disabledReasons);
  }
}
