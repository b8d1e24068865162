package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.VehicleUnits.JOULES_PER_WH;
import static dev.homeenergy.device.tesla.VehicleUnits.ratio;
import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Native energy-site metrics ({@code tesla_energy_site_*}), labelled {@code site_id} and {@code
 * site_name}.
 */
public final class EnergySiteNaming implements Naming<TeslaReading> {
  static final MetricFamily INFO =
      MetricFamily.info(
          "tesla_energy_site", "Energy site; resource_type from products, version from site_info");
  static final MetricFamily SOLAR = power("solar", "solar_power");
  static final MetricFamily BATTERY = power("battery", "battery_power (> 0 discharging)");
  static final MetricFamily LOAD = power("load", "load_power");
  static final MetricFamily GRID = power("grid", "grid_power (> 0 importing)");
  static final MetricFamily CHARGE =
      MetricFamily.gauge(
          "tesla_energy_site_charge_ratio",
          "ratio",
          "Battery state of charge, live_status.percentage_charged / 100");
  static final MetricFamily ENERGY_LEFT =
      MetricFamily.gauge(
          "tesla_energy_site_energy_left_joules",
          "joules",
          "Energy left in the batteries, live_status.energy_left (Wh) in joules");
  static final MetricFamily TOTAL_PACK =
      MetricFamily.gauge(
          "tesla_energy_site_total_pack_energy_joules",
          "joules",
          "Battery capacity, live_status.total_pack_energy (Wh) in joules");
  static final MetricFamily GRID_STATUS =
      MetricFamily.gauge(
          "tesla_energy_site_grid_status",
          "Grid status, live_status.grid_status, 1 for the current");
  static final MetricFamily ISLAND_STATUS =
      MetricFamily.gauge(
          "tesla_energy_site_island_status",
          "Island status, live_status.island_status, 1 for the current");
  static final MetricFamily STORM_MODE =
      MetricFamily.gauge(
          "tesla_energy_site_storm_mode_active",
          "Storm watch active (0/1), live_status.storm_mode_active");
  static final MetricFamily GRID_SERVICES =
      MetricFamily.gauge(
          "tesla_energy_site_grid_services_active",
          "Grid services active (0/1), live_status.grid_services_active");
  static final MetricFamily RESERVE =
      MetricFamily.gauge(
          "tesla_energy_site_backup_reserve_ratio",
          "ratio",
          "Backup reserve, site_info.backup_reserve_percent / 100");
  static final MetricFamily OPERATION_MODE =
      MetricFamily.gauge(
          "tesla_energy_site_operation_mode",
          "Operation mode, site_info.default_real_mode, 1 for the current");
  static final MetricFamily BATTERY_COUNT =
      MetricFamily.gauge(
          "tesla_energy_site_batteries", "Number of batteries, site_info.battery_count");
  static final MetricFamily NAMEPLATE_POWER =
      MetricFamily.gauge(
          "tesla_energy_site_nameplate_power_watts",
          "watts",
          "Nameplate power, site_info.nameplate_power");
  static final MetricFamily NAMEPLATE_ENERGY =
      MetricFamily.gauge(
          "tesla_energy_site_nameplate_energy_joules",
          "joules",
          "Nameplate capacity, site_info.nameplate_energy (Wh) in joules");

  @Override
  public void render(TeslaReading reading, String deviceName, Samples.Builder out) {
    for (EnergySite site : reading.energySites()) {
      Labels labels =
          Labels.of("device", deviceName, "site_id", site.id(), "site_name", site.name());
      String version =
          site.info() == null || site.info().version() == null ? "" : site.info().version();
      out.info(INFO, labels.add("resource_type", site.resourceType()).add("version", version));
      live(site.live(), labels, out);
      info(site.info(), labels, out);
    }
  }

  private static void live(EnergySiteLive l, Labels labels, Samples.Builder out) {
    if (l == null) {
      return;
    }
    out.addIfPresent(SOLAR, labels, l.solarPower());
    out.addIfPresent(BATTERY, labels, l.batteryPower());
    out.addIfPresent(LOAD, labels, l.loadPower());
    out.addIfPresent(GRID, labels, l.gridPower());
    out.addIfPresent(CHARGE, labels, ratio(l.percentageCharged()));
    out.addIfPresent(ENERGY_LEFT, labels, times(l.energyLeftWh(), JOULES_PER_WH));
    out.addIfPresent(TOTAL_PACK, labels, times(l.totalPackEnergyWh(), JOULES_PER_WH));
    state(GRID_STATUS, l.gridStatus(), labels, out);
    state(ISLAND_STATUS, l.islandStatus(), labels, out);
    out.addIfPresent(STORM_MODE, labels, l.stormModeActive());
    out.addIfPresent(GRID_SERVICES, labels, l.gridServicesActive());
  }

  private static void info(EnergySiteInfo i, Labels labels, Samples.Builder out) {
    if (i == null) {
      return;
    }
    out.addIfPresent(RESERVE, labels, ratio(i.backupReservePercent()));
    state(OPERATION_MODE, i.defaultRealMode(), labels, out);
    out.addIfPresent(BATTERY_COUNT, labels, i.batteryCount());
    out.addIfPresent(NAMEPLATE_POWER, labels, i.nameplatePowerW());
    out.addIfPresent(NAMEPLATE_ENERGY, labels, times(i.nameplateEnergyWh(), JOULES_PER_WH));
  }

  private static void state(MetricFamily family, String state, Labels labels, Samples.Builder out) {
    if (state != null) {
      out.add(family, labels.add("state", state), 1);
    }
  }

  private static MetricFamily power(String what, String field) {
    return MetricFamily.gauge(
        "tesla_energy_site_" + what + "_power_watts", "watts", "Power, live_status." + field);
  }
}
