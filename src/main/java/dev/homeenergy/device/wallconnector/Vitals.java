package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The body of {@code GET /api/1/vitals}: live electrical, thermal and session state. Every field is
 * boxed and null when the firmware did not send it (older firmware lacks {@code
 * evse_not_ready_reasons}; newer firmware may send {@code relay_k1_v}/{@code relay_k2_v} instead of
 * {@code relay_coil_v}). Array elements are kept as their JSON text because their type is not
 * documented.
 */
public record Vitals(
    @JsonProperty("contactor_closed") Boolean contactorClosed,
    @JsonProperty("vehicle_connected") Boolean vehicleConnected,
    @JsonProperty("session_s") Long sessionSeconds,
    @JsonProperty("grid_v") Double gridVolts,
    @JsonProperty("grid_hz") Double gridHertz,
    @JsonProperty("vehicle_current_a") Double vehicleCurrentAmps,
    @JsonProperty("currentA_a") Double currentAAmps,
    @JsonProperty("currentB_a") Double currentBAmps,
    @JsonProperty("currentC_a") Double currentCAmps,
    @JsonProperty("currentN_a") Double currentNAmps,
    @JsonProperty("voltageA_v") Double voltageAVolts,
    @JsonProperty("voltageB_v") Double voltageBVolts,
    @JsonProperty("voltageC_v") Double voltageCVolts,
    @JsonProperty("relay_coil_v") Double relayCoilVolts,
    @JsonProperty("relay_k1_v") Double relayK1Volts,
    @JsonProperty("relay_k2_v") Double relayK2Volts,
    @JsonProperty("pcba_temp_c") Double pcbaTempCelsius,
    @JsonProperty("handle_temp_c") Double handleTempCelsius,
    @JsonProperty("mcu_temp_c") Double mcuTempCelsius,
    @JsonProperty("uptime_s") Long uptimeSeconds,
    @JsonProperty("input_thermopile_uv") Double inputThermopileMicrovolts,
    @JsonProperty("prox_v") Double proxVolts,
    @JsonProperty("pilot_high_v") Double pilotHighVolts,
    @JsonProperty("pilot_low_v") Double pilotLowVolts,
    @JsonProperty("session_energy_wh") Double sessionEnergyWh,
    @JsonProperty("config_status") Integer configStatus,
    @JsonProperty("evse_state") Integer evseState,
    @JsonProperty("current_alerts") @JsonDeserialize(contentUsing = JsonText.class)
        List<String> currentAlerts,
    @JsonProperty("evse_not_ready_reasons") @JsonDeserialize(contentUsing = JsonText.class)
        List<String> evseNotReadyReasons) {

  public Vitals {
    currentAlerts = currentAlerts == null ? null : List.copyOf(currentAlerts);
    evseNotReadyReasons = evseNotReadyReasons == null ? null : List.copyOf(evseNotReadyReasons);
  }
}
