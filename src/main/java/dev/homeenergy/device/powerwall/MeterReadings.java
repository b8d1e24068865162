package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The readings of one meter category in {@code /api/meters/aggregates}, or of one meter device in
 * the {@code Cached_readings} of {@code /api/meters/<category>}. Powers in W, reactive power in
 * VAr, apparent power in VA, energies in lifetime Wh. Per-phase fields ({@code v_l1n}, {@code
 * real_power_a}, ...) and {@code serial_number}/{@code version} appear only in cached readings, and
 * only for the phases the meter has; 2018/2020 aggregates lack {@code instant_average_current} and
 * {@code num_meters_aggregated}.
 */
public record MeterReadings(
    @JsonProperty("last_communication_time") String lastCommunicationTime,
    @JsonProperty("instant_power") Double instantPower,
    @JsonProperty("instant_reactive_power") Double instantReactivePower,
    @JsonProperty("instant_apparent_power") Double instantApparentPower,
    @JsonProperty("frequency") Double frequency,
    @JsonProperty("energy_exported") Double energyExported,
    @JsonProperty("energy_imported") Double energyImported,
    @JsonProperty("instant_average_voltage") Double instantAverageVoltage,
    @JsonProperty("instant_average_current") Double instantAverageCurrent,
    @JsonProperty("instant_total_current") Double instantTotalCurrent,
    @JsonProperty("i_a_current") Double iACurrent,
    @JsonProperty("i_b_current") Double iBCurrent,
    @JsonProperty("i_c_current") Double iCCurrent,
    @JsonProperty("v_l1n") Double vL1n,
    @JsonProperty("v_l2n") Double vL2n,
    @JsonProperty("v_l3n") Double vL3n,
    @JsonProperty("real_power_a") Double realPowerA,
    @JsonProperty("real_power_b") Double realPowerB,
    @JsonProperty("real_power_c") Double realPowerC,
    @JsonProperty("reactive_power_a") Double reactivePowerA,
    @JsonProperty("reactive_power_b") Double reactivePowerB,
    @JsonProperty("reactive_power_c") Double reactivePowerC,
    @JsonProperty("num_meters_aggregated") Integer numMetersAggregated,
    @JsonProperty("serial_number") String serialNumber,
    @JsonProperty("version") String version) {}
