package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/** Compat battery, charging and climate metrics. */
final class TeslaCompatChargeNaming {
  static final double KM_PER_MILE = 1.609344;
  static final List<String> CHARGING_STATES =
      List.of("Charging", "Complete", "Disconnected", "Stopped", "NoPower");

  static final MetricFamily BATTERY_LEVEL =
      g("tesla_battery_level_percent", "charge_state.battery_level");
  static final MetricFamily USABLE_LEVEL =
      g("tesla_battery_usable_level_percent", "charge_state.usable_battery_level");
  static final MetricFamily RANGE =
      g("tesla_battery_range_km", "charge_state.battery_range × 1.609344");
  static final MetricFamily IDEAL_RANGE =
      g("tesla_battery_ideal_range_km", "charge_state.ideal_battery_range × 1.609344");
  static final MetricFamily EST_RANGE =
      g("tesla_battery_estimated_range_km", "charge_state.est_battery_range × 1.609344");
  static final MetricFamily CHARGE_LIMIT =
      g("tesla_charge_limit_percent", "charge_state.charge_limit_soc");
  static final MetricFamily ENERGY_ADDED =
      g("tesla_charge_energy_added_kwh", "charge_state.charge_energy_added");
  static final MetricFamily CHARGE_RATE =
      g("tesla_charge_rate_kmh", "charge_state.charge_rate × 1.609344");
  static final MetricFamily CHARGER_POWER =
      g("tesla_charger_power_kw", "charge_state.charger_power");
  static final MetricFamily CHARGER_VOLTAGE =
      g("tesla_charger_voltage_volts", "charge_state.charger_voltage");
  static final MetricFamily CHARGER_CURRENT =
      g("tesla_charger_actual_current_amps", "charge_state.charger_actual_current");
  static final MetricFamily TIME_REMAINING =
      g("tesla_charge_time_remaining_hours", "charge_state.time_to_full_charge");
  static final MetricFamily PORT_DOOR =
      g("tesla_charge_port_door_open", "charge_state.charge_port_door_open");
  static final MetricFamily HEATER = g("tesla_battery_heater_on", "charge_state.battery_heater_on");
  static final MetricFamily SCHEDULED =
      g("tesla_scheduled_charging_pending", "charge_state.scheduled_charging_pending");
  static final MetricFamily CHARGING_STATE =
      g("tesla_charging_state", "charge_state.charging_state, 1 for the current");
  static final MetricFamily INSIDE =
      g("tesla_inside_temperature_celsius", "climate_state.inside_temp");
  static final MetricFamily OUTSIDE =
      g("tesla_outside_temperature_celsius", "climate_state.outside_temp");
  static final MetricFamily DRIVER =
      g("tesla_driver_temperature_setting_celsius", "climate_state.driver_temp_setting");
  static final MetricFamily PASSENGER =
      g("tesla_passenger_temperature_setting_celsius", "climate_state.passenger_temp_setting");
  static final MetricFamily CLIMATE_ON = g("tesla_climate_on", "climate_state.is_climate_on");
  static final MetricFamily PRECONDITIONING =
      g("tesla_preconditioning", "climate_state.is_preconditioning");
  static final MetricFamily FAN = g("tesla_fan_status", "climate_state.fan_status");
  static final MetricFamily DEFROST = g("tesla_defrost_mode", "climate_state.defrost_mode");
  static final MetricFamily SEAT_HEATER =
      g("tesla_seat_heater_level", "climate_state.seat_heater_left/right");

  private TeslaCompatChargeNaming() {}

  static void render(VehicleData data, Labels labels, Samples.Builder out) {
    VehicleCharge c = data.charge();
    if (c != null) {
      out.addIfPresent(BATTERY_LEVEL, labels, c.batteryLevelPercent());
      out.addIfPresent(USABLE_LEVEL, labels, c.usableBatteryLevelPercent());
      out.addIfPresent(RANGE, labels, times(c.batteryRangeMiles(), KM_PER_MILE));
      out.addIfPresent(IDEAL_RANGE, labels, times(c.idealBatteryRangeMiles(), KM_PER_MILE));
      out.addIfPresent(EST_RANGE, labels, times(c.estBatteryRangeMiles(), KM_PER_MILE));
      out.addIfPresent(CHARGE_LIMIT, labels, c.chargeLimitSocPercent());
      out.addIfPresent(ENERGY_ADDED, labels, c.chargeEnergyAddedKwh());
      out.addIfPresent(CHARGE_RATE, labels, times(c.chargeRateMph(), KM_PER_MILE));
      out.addIfPresent(CHARGER_POWER, labels, c.chargerPowerKw());
      out.addIfPresent(CHARGER_VOLTAGE, labels, c.chargerVoltage());
      out.addIfPresent(CHARGER_CURRENT, labels, c.chargerActualCurrent());
      out.addIfPresent(TIME_REMAINING, labels, c.timeToFullChargeHours());
      out.addIfPresent(PORT_DOOR, labels, c.chargePortDoorOpen());
      out.addIfPresent(HEATER, labels, c.batteryHeaterOn());
      out.addIfPresent(SCHEDULED, labels, c.scheduledChargingPending());
      if (c.chargingState() != null) {
        for (String state : CHARGING_STATES) {
          out.add(
              CHARGING_STATE, labels.add("state", state), state.equals(c.chargingState()) ? 1 : 0);
        }
      }
    }
    VehicleClimate k = data.climate();
    if (k != null) {
      out.addIfPresent(INSIDE, labels, k.insideTemp());
      out.addIfPresent(OUTSIDE, labels, k.outsideTemp());
      out.addIfPresent(DRIVER, labels, k.driverTempSetting());
      out.addIfPresent(PASSENGER, labels, k.passengerTempSetting());
      out.addIfPresent(CLIMATE_ON, labels, k.climateOn());
      out.addIfPresent(PRECONDITIONING, labels, k.preconditioning());
      out.addIfPresent(FAN, labels, k.fanStatus());
      out.addIfPresent(DEFROST, labels, k.defrostMode());
      out.addIfPresent(SEAT_HEATER, labels.add("seat", "front_left"), k.seatHeaterLeft());
      out.addIfPresent(SEAT_HEATER, labels.add("seat", "front_right"), k.seatHeaterRight());
    }
  }

  static MetricFamily g(String name, String source) {
    return MetricFamily.gauge(name, "Vehicle " + source);
  }
}
