package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.bool;
import static dev.homeenergy.device.tesla.TeslaReading.number;
import static dev.homeenergy.device.tesla.TeslaReading.text;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code charge_state} fields the curated metrics use, in API units; null when absent. */
public record VehicleCharge(
    Double batteryLevelPercent,
    Double usableBatteryLevelPercent,
    Double batteryRangeMiles,
    Double idealBatteryRangeMiles,
    Double estBatteryRangeMiles,
    Double chargeLimitSocPercent,
    Double chargeEnergyAddedKwh,
    Double chargeRateMph,
    Double chargerPowerKw,
    Double chargerVoltage,
    Double chargerActualCurrent,
    Double timeToFullChargeHours,
    Boolean chargePortDoorOpen,
    Boolean batteryHeaterOn,
    Boolean scheduledChargingPending,
    String chargingState) {

  static VehicleCharge of(JsonNode n) {
    return new VehicleCharge(
        number(n, "battery_level"),
        number(n, "usable_battery_level"),
        number(n, "battery_range"),
        number(n, "ideal_battery_range"),
        number(n, "est_battery_range"),
        number(n, "charge_limit_soc"),
        number(n, "charge_energy_added"),
        number(n, "charge_rate"),
        number(n, "charger_power"),
        number(n, "charger_voltage"),
        number(n, "charger_actual_current"),
        number(n, "time_to_full_charge"),
        bool(n, "charge_port_door_open"),
        bool(n, "battery_heater_on"),
        bool(n, "scheduled_charging_pending"),
        text(n, "charging_state"));
  }
}
