package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.VehicleUnits.JOULES_PER_KWH;
import static dev.homeenergy.device.tesla.VehicleUnits.METERS_PER_MILE;
import static dev.homeenergy.device.tesla.VehicleUnits.METERS_PER_SECOND_PER_MPH;
import static dev.homeenergy.device.tesla.VehicleUnits.ratio;
import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/** Native {@code charge_state} metrics. */
final class VehicleChargeNaming {
  static final MetricFamily BATTERY_LEVEL =
      MetricFamily.gauge(
          "tesla_vehicle_battery_level_ratio",
          "ratio",
          "State of charge, charge_state.battery_level / 100");
  static final MetricFamily USABLE_BATTERY_LEVEL =
      MetricFamily.gauge(
          "tesla_vehicle_usable_battery_level_ratio",
          "ratio",
          "Usable state of charge, charge_state.usable_battery_level / 100");
  static final MetricFamily BATTERY_RANGE =
      MetricFamily.gauge(
          "tesla_vehicle_battery_range_meters",
          "meters",
          "Rated range, charge_state.battery_range (miles) in meters");
  static final MetricFamily IDEAL_BATTERY_RANGE =
      MetricFamily.gauge(
          "tesla_vehicle_ideal_battery_range_meters",
          "meters",
          "Ideal range, charge_state.ideal_battery_range (miles) in meters");
  static final MetricFamily EST_BATTERY_RANGE =
      MetricFamily.gauge(
          "tesla_vehicle_est_battery_range_meters",
          "meters",
          "Estimated range, charge_state.est_battery_range (miles) in meters");
  static final MetricFamily CHARGE_LIMIT =
      MetricFamily.gauge(
          "tesla_vehicle_charge_limit_ratio",
          "ratio",
          "Charge limit, charge_state.charge_limit_soc / 100");
  static final MetricFamily ENERGY_ADDED =
      MetricFamily.gauge(
          "tesla_vehicle_charge_energy_added_joules",
          "joules",
          "Energy added in the current or last session, charge_state.charge_energy_added (kWh) in joules");
  static final MetricFamily CHARGE_RATE =
      MetricFamily.gauge(
          "tesla_vehicle_charge_rate_meters_per_second",
          "meters_per_second",
          "Range added per time, charge_state.charge_rate (mph) in m/s");
  static final MetricFamily CHARGER_POWER =
      MetricFamily.gauge(
          "tesla_vehicle_charger_power_watts",
          "watts",
          "Charger power, charge_state.charger_power (kW) in watts");
  static final MetricFamily CHARGER_VOLTAGE =
      MetricFamily.gauge(
          "tesla_vehicle_charger_voltage_volts",
          "volts",
          "Charger voltage, charge_state.charger_voltage");
  static final MetricFamily CHARGER_CURRENT =
      MetricFamily.gauge(
          "tesla_vehicle_charger_actual_current_amperes",
          "amperes",
          "Charger current, charge_state.charger_actual_current");
  static final MetricFamily TIME_TO_FULL =
      MetricFamily.gauge(
          "tesla_vehicle_time_to_full_charge_seconds",
          "seconds",
          "Time to the charge limit, charge_state.time_to_full_charge (hours) in seconds");
  static final MetricFamily PORT_DOOR_OPEN =
      MetricFamily.gauge(
          "tesla_vehicle_charge_port_door_open",
          "Charge port door open (0/1), charge_state.charge_port_door_open");
  static final MetricFamily HEATER_ON =
      MetricFamily.gauge(
          "tesla_vehicle_battery_heater_on",
          "Battery heater on (0/1), charge_state.battery_heater_on");
  static final MetricFamily SCHEDULED_PENDING =
      MetricFamily.gauge(
          "tesla_vehicle_scheduled_charging_pending",
          "Scheduled charging pending (0/1), charge_state.scheduled_charging_pending");
  static final MetricFamily CHARGING_STATE =
      MetricFamily.gauge(
          "tesla_vehicle_charging_state",
          "Charging state, charge_state.charging_state, 1 for the current");

  private VehicleChargeNaming() {}

  static void render(VehicleCharge c, Labels labels, Samples.Builder out) {
    if (c == null) {
      return;
    }
    out.addIfPresent(BATTERY_LEVEL, labels, ratio(c.batteryLevelPercent()));
    out.addIfPresent(USABLE_BATTERY_LEVEL, labels, ratio(c.usableBatteryLevelPercent()));
    out.addIfPresent(BATTERY_RANGE, labels, times(c.batteryRangeMiles(), METERS_PER_MILE));
    out.addIfPresent(
        IDEAL_BATTERY_RANGE, labels, times(c.idealBatteryRangeMiles(), METERS_PER_MILE));
    out.addIfPresent(EST_BATTERY_RANGE, labels, times(c.estBatteryRangeMiles(), METERS_PER_MILE));
    out.addIfPresent(CHARGE_LIMIT, labels, ratio(c.chargeLimitSocPercent()));
    out.addIfPresent(ENERGY_ADDED, labels, times(c.chargeEnergyAddedKwh(), JOULES_PER_KWH));
    out.addIfPresent(CHARGE_RATE, labels, times(c.chargeRateMph(), METERS_PER_SECOND_PER_MPH));
    out.addIfPresent(CHARGER_POWER, labels, times(c.chargerPowerKw(), 1000));
    out.addIfPresent(CHARGER_VOLTAGE, labels, c.chargerVoltage());
    out.addIfPresent(CHARGER_CURRENT, labels, c.chargerActualCurrent());
    out.addIfPresent(TIME_TO_FULL, labels, times(c.timeToFullChargeHours(), 3600));
    out.addIfPresent(PORT_DOOR_OPEN, labels, c.chargePortDoorOpen());
    out.addIfPresent(HEATER_ON, labels, c.batteryHeaterOn());
    out.addIfPresent(SCHEDULED_PENDING, labels, c.scheduledChargingPending());
    if (c.chargingState() != null) {
      out.add(CHARGING_STATE, labels.add("state", c.chargingState()), 1);
    }
  }
}
