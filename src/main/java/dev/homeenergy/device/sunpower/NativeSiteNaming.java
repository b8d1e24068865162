package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.NativeNaming.JOULES_PER_KWH;
import static dev.homeenergy.device.sunpower.NativeNaming.P;
import static dev.homeenergy.device.sunpower.NativeNaming.WATTS_PER_KW;

import dev.homeenergy.core.MetricFamily;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * Native storage-device and site families (see {@link NativeNaming}): the values ESS, transfer
 * switch and PV disconnect devices carry (labels {@code device_id}, {@code device_type}, {@code
 * model}, {@code type}), and the vars {@code /sys/livedata/} site totals.
 */
final class NativeSiteNaming {
  static final MetricFamily STORAGE_POWER =
      MetricFamily.gauge(
          P + "storage_power_watts",
          "watts",
          "Storage power, kW x 1000; + discharging (p_3phsum_kw; vars ess p3phsumKw).");
  static final MetricFamily STORAGE_POS_ENERGY =
      MetricFamily.counter(
          P + "storage_positive_energy_joules",
          "joules",
          "Lifetime energy in the positive (discharge) direction, kWh x 3.6e6 (pos_ltea_3phsum_kwh).");
  static final MetricFamily STORAGE_NEG_ENERGY =
      MetricFamily.counter(
          P + "storage_negative_energy_joules",
          "joules",
          "Lifetime energy in the negative (charge) direction, kWh x 3.6e6 (neg_ltea_3phsum_kwh).");
  static final MetricFamily STORAGE_SOC =
      MetricFamily.gauge(
          P + "storage_state_of_charge_ratio", "ratio", "State of charge, 0..1 (soc_val).");
  static final MetricFamily STORAGE_CUSTOMER_SOC =
      MetricFamily.gauge(
          P + "storage_customer_state_of_charge_ratio",
          "ratio",
          "State of charge as shown to the customer, 0..1 (customer_soc_val).");
  static final MetricFamily STORAGE_SOH =
      MetricFamily.gauge(
          P + "storage_state_of_health_ratio", "ratio", "Battery state of health, 0..1 (soh_val).");
  static final MetricFamily STORAGE_INVERTER_TEMPERATURE =
      MetricFamily.gauge(
          P + "storage_inverter_temperature_celsius",
          "celsius",
          "Storage inverter temperature (t_invtr_degc).");
  static final MetricFamily STORAGE_TEMPERATURE =
      MetricFamily.gauge(
          P + "storage_temperature_celsius", "celsius", "Device temperature (t_degc).");
  static final MetricFamily STORAGE_BATTERY_VOLTAGE =
      MetricFamily.gauge(
          P + "storage_battery_voltage_volts", "volts", "Battery voltage (v_batt_v).");
  static final MetricFamily STORAGE_CELL_TEMPERATURE =
      MetricFamily.gauge(
          P + "storage_battery_cell_temperature_celsius",
          "celsius",
          "Highest and lowest battery cell temperature in label bound (max_t_batt_cell_degc, min_t_batt_cell_degc).");
  static final MetricFamily STORAGE_CELL_VOLTAGE =
      MetricFamily.gauge(
          P + "storage_battery_cell_voltage_volts",
          "volts",
          "Highest and lowest battery cell voltage in label bound (max_v_batt_cell_v, min_v_batt_cell_v).");
  static final MetricFamily STORAGE_CHARGE_LIMIT =
      MetricFamily.gauge(
          P + "storage_charge_limit_watts",
          "watts",
          "Maximum charge power, kW x 1000 (chrg_limit_pmax_kw).");
  static final MetricFamily STORAGE_DISCHARGE_LIMIT =
      MetricFamily.gauge(
          P + "storage_discharge_limit_watts",
          "watts",
          "Maximum discharge power, kW x 1000 (dischrg_lim_pmax_kw).");
  static final MetricFamily STORAGE_LEG_VOLTAGE =
      MetricFamily.gauge(
          P + "storage_leg_voltage_volts",
          "volts",
          "Leg-to-neutral voltage per leg in label leg and side in label side: load, grid or pv"
              + " (v1n_v, v2n_v, v1n_grid_v, v2n_grid_v, v1n_pv_v, v2n_pv_v).");
  static final MetricFamily STORAGE_SUPPLY_VOLTAGE =
      MetricFamily.gauge(
          P + "storage_supply_voltage_volts", "volts", "Supply voltage (v_spply_v).");

  static final MetricFamily SITE_PV_POWER =
      MetricFamily.gauge(
          P + "site_pv_power_watts", "watts", "Solar production, kW x 1000 (/sys/livedata/pv_p).");
  static final MetricFamily SITE_NET_POWER =
      MetricFamily.gauge(
          P + "site_net_power_watts",
          "watts",
          "Grid power, kW x 1000; + importing, - exporting (/sys/livedata/net_p).");
  static final MetricFamily SITE_LOAD_POWER =
      MetricFamily.gauge(
          P + "site_load_power_watts",
          "watts",
          "Site consumption, kW x 1000 (/sys/livedata/site_load_p).");
  static final MetricFamily SITE_STORAGE_POWER =
      MetricFamily.gauge(
          P + "site_storage_power_watts",
          "watts",
          "Battery power, kW x 1000; + discharging (/sys/livedata/ess_p).");
  static final MetricFamily SITE_PV_ENERGY =
      MetricFamily.counter(
          P + "site_pv_energy_joules",
          "joules",
          "Lifetime solar production, kWh x 3.6e6 (/sys/livedata/pv_en).");
  static final MetricFamily SITE_NET_ENERGY =
      MetricFamily.gauge(
          P + "site_net_energy_joules",
          "joules",
          "Lifetime net grid energy, kWh x 3.6e6; can fall (/sys/livedata/net_en).");
  static final MetricFamily SITE_LOAD_ENERGY =
      MetricFamily.counter(
          P + "site_load_energy_joules",
          "joules",
          "Lifetime site consumption, kWh x 3.6e6 (/sys/livedata/site_load_en).");
  static final MetricFamily SITE_STORAGE_ENERGY =
      MetricFamily.gauge(
          P + "site_storage_energy_joules",
          "joules",
          "Lifetime net battery energy, kWh x 3.6e6; can fall (/sys/livedata/ess_en).");
  static final MetricFamily SITE_SOC =
      MetricFamily.gauge(
          P + "site_state_of_charge_ratio",
          "ratio",
          "Battery state of charge, 0..1 (/sys/livedata/soc).");
  static final MetricFamily SITE_BACKUP_TIME =
      MetricFamily.gauge(
          P + "site_backup_time_remaining_seconds",
          "seconds",
          "Backup time remaining, minutes x 60 (/sys/livedata/backupTimeRemaining).");

  /** A storage field, its family, its factor to base units and any extra label pairs. */
  private record Field(String name, MetricFamily family, double factor, String... labels) {}

  private static final List<Field> STORAGE_FIELDS =
      List.of(
          new Field("p_3phsum_kw", STORAGE_POWER, WATTS_PER_KW),
          new Field("pos_ltea_3phsum_kwh", STORAGE_POS_ENERGY, JOULES_PER_KWH),
          new Field("neg_ltea_3phsum_kwh", STORAGE_NEG_ENERGY, JOULES_PER_KWH),
          new Field("soc_val", STORAGE_SOC, 1),
          new Field("customer_soc_val", STORAGE_CUSTOMER_SOC, 1),
          new Field("soh_val", STORAGE_SOH, 1),
          new Field("t_invtr_degc", STORAGE_INVERTER_TEMPERATURE, 1),
          new Field("t_degc", STORAGE_TEMPERATURE, 1),
          new Field("v_batt_v", STORAGE_BATTERY_VOLTAGE, 1),
          new Field("max_t_batt_cell_degc", STORAGE_CELL_TEMPERATURE, 1, "bound", "max"),
          new Field("min_t_batt_cell_degc", STORAGE_CELL_TEMPERATURE, 1, "bound", "min"),
          new Field("max_v_batt_cell_v", STORAGE_CELL_VOLTAGE, 1, "bound", "max"),
          new Field("min_v_batt_cell_v", STORAGE_CELL_VOLTAGE, 1, "bound", "min"),
          new Field("chrg_limit_pmax_kw", STORAGE_CHARGE_LIMIT, WATTS_PER_KW),
          new Field("dischrg_lim_pmax_kw", STORAGE_DISCHARGE_LIMIT, WATTS_PER_KW),
          new Field("v1n_v", STORAGE_LEG_VOLTAGE, 1, "leg", "1", "side", "load"),
          new Field("v2n_v", STORAGE_LEG_VOLTAGE, 1, "leg", "2", "side", "load"),
          new Field("v1n_grid_v", STORAGE_LEG_VOLTAGE, 1, "leg", "1", "side", "grid"),
          new Field("v2n_grid_v", STORAGE_LEG_VOLTAGE, 1, "leg", "2", "side", "grid"),
          new Field("v1n_pv_v", STORAGE_LEG_VOLTAGE, 1, "leg", "1", "side", "pv"),
          new Field("v2n_pv_v", STORAGE_LEG_VOLTAGE, 1, "leg", "2", "side", "pv"),
          new Field("v_spply_v", STORAGE_SUPPLY_VOLTAGE, 1));

  private NativeSiteNaming() {}

  static void storage(StorageDevice s, Labels device, TimedSamples out) {
    DeviceIdentity id = s.id();
    Labels l =
        device.merge(
            Labels.of(
                "device_id",
                id.serial(),
                "device_type",
                id.deviceType(),
                "model",
                id.model(),
                "type",
                id.type()));
    for (Field f : STORAGE_FIELDS) {
      Labels labels = f.labels().length == 0 ? l : l.merge(Labels.of(f.labels()));
      out.addScaled(f.family(), labels, s.value(f.name()), f.factor(), id.dataTimeMillis());
    }
  }

  static void liveData(LiveData d, Labels device, TimedSamples out) {
    Long t = d.timeMillis();
    out.addScaled(SITE_PV_POWER, device, d.pvKw(), WATTS_PER_KW, t);
    out.addScaled(SITE_NET_POWER, device, d.netKw(), WATTS_PER_KW, t);
    out.addScaled(SITE_LOAD_POWER, device, d.loadKw(), WATTS_PER_KW, t);
    out.addScaled(SITE_STORAGE_POWER, device, d.storageKw(), WATTS_PER_KW, t);
    out.addScaled(SITE_PV_ENERGY, device, d.pvKwh(), JOULES_PER_KWH, t);
    out.addScaled(SITE_NET_ENERGY, device, d.netKwh(), JOULES_PER_KWH, t);
    out.addScaled(SITE_LOAD_ENERGY, device, d.loadKwh(), JOULES_PER_KWH, t);
    out.addScaled(SITE_STORAGE_ENERGY, device, d.storageKwh(), JOULES_PER_KWH, t);
    out.addScaled(SITE_SOC, device, d.soc(), 1, t);
    out.addScaled(SITE_BACKUP_TIME, device, d.backupTimeMinutes(), 60, t);
  }
}
