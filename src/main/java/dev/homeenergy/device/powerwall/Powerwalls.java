package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code GET /api/powerwalls}: the gateway's enumeration state and its Powerwalls. The
 * diagnostics blocks are not read.
 */
public record Powerwalls(
    @JsonProperty("enumerating") Boolean enumerating,
    @JsonProperty("updating") Boolean updating,
    @JsonProperty("checking_if_offgrid") Boolean checkingIfOffgrid,
    @JsonProperty("running_phase_detection") Boolean runningPhaseDetection,
    @JsonProperty("phase_detection_last_error") String phaseDetectionLastError,
    @JsonProperty("bubble_shedding") Boolean bubbleShedding,
    @JsonProperty("on_grid_check_error") String onGridCheckError,
    @JsonProperty("grid_qualifying") Boolean gridQualifying,
    @JsonProperty("grid_code_validating") Boolean gridCodeValidating,
    @JsonProperty("phase_detection_not_available") Boolean phaseDetectionNotAvailable,
    @JsonProperty("powerwalls") List<PowerwallUnit> powerwalls,
    @JsonProperty("gateway_din") String gatewayDin) {

  public Powerwalls {
    powerwalls = Lists.copyWithNulls(powerwalls);
  }
}
