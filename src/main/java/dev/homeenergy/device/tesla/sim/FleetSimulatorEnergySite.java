package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.simulator.SiteTime;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One simulated energy site (solar + one Powerwall) over a deterministic UTC day: solar peaks at 6
 * kW at noon, the house draws 500 W plus 1.5 kW in the evening, the battery soaks up the surplus
 * (up to 5 kW) and covers the deficit, and the grid balances the rest, so {@code load_power =
 * solar_power + battery_power + grid_power + generator_power} (fleet.md §8). State of charge rises
 * 30 % → 100 % from 06:00 to 15:00 and falls back by 06:00.
 */
public record FleetSimulatorEnergySite(int index, long energySiteId) {
  private static final double PEAK_SOLAR_WATTS = 6_000;
  private static final double BASE_LOAD_WATTS = 500;
  private static final double EVENING_LOAD_WATTS = 1_500;
  private static final double MAX_BATTERY_WATTS = 5_000;
  private static final double PACK_WH = 13_500;

  public static FleetSimulatorEnergySite of(int index) {
    return new FleetSimulatorEnergySite(index, 2_252_147_200_000_000L + index);
  }

  /** The products entry of this site. */
  public ObjectNode product(Instant now) {
    Power power = power(now);
    ObjectNode node = FleetSimulatorBodies.JSON.createObjectNode();
    node.put("energy_site_id", energySiteId);
    node.put("resource_type", "battery");
    node.put("site_name", "Simulated Home " + (index + 1));
    node.put("id", "STE20240101-" + String.format("%05d", index + 1));
    node.put("gateway_id", "1232100-00-E--TG" + String.format("%09d", index + 1));
    node.put("asset_site_id", "00000000-0000-4000-8000-" + String.format("%012d", index + 1));
    node.put("energy_left", round(power.percentage() / 100 * PACK_WH));
    node.put("total_pack_energy", (long) PACK_WH);
    node.put("percentage_charged", power.percentage());
    node.put("battery_type", "ac_powerwall");
    node.put("backup_capable", true);
    node.put("battery_power", round(power.battery()));
    node.putNull("go_off_grid_test_banner_enabled");
    node.put("storm_mode_enabled", true);
    node.put("powerwall_onboarding_settings_set", true);
    ObjectNode components = node.putObject("components");
    components.put("battery", true);
    components.put("battery_type", "ac_powerwall");
    components.put("solar", true);
    components.put("solar_type", "pv_panel");
    components.put("grid", true);
    components.put("load_meter", true);
    components.put("market_type", "residential");
    components.put("wall_connectors", FleetSimulatorBodies.array());
    return node;
  }

  /** The {@code live_status} response object. */
  public ObjectNode liveStatus(Instant now) {
    Power power = power(now);
    ObjectNode node = FleetSimulatorBodies.JSON.createObjectNode();
    node.put("solar_power", round(power.solar()));
    node.put("energy_left", round(power.percentage() / 100 * PACK_WH));
    node.put("total_pack_energy", (long) PACK_WH);
    node.put("percentage_charged", power.percentage());
    node.put("backup_capable", true);
    node.put("battery_power", round(power.battery()));
    node.put("load_power", round(power.solar()) + round(power.battery()) + round(power.grid()));
    node.put("grid_status", "Active");
    node.put("grid_services_active", false);
    node.put("grid_power", round(power.grid()));
    node.put("grid_services_power", 0);
    node.put("generator_power", 0);
    node.put("island_status", "on_grid");
    node.put("storm_mode_active", false);
    node.put(
        "timestamp", now.atOffset(ZoneOffset.UTC).withNano(0).toString().replace("Z", "+00:00"));
    node.set("wall_connectors", FleetSimulatorBodies.array());
    return node;
  }

  /** The {@code site_info} response object. */
  public ObjectNode siteInfo() {
    ObjectNode node = FleetSimulatorBodies.JSON.createObjectNode();
    node.put("id", "STE20240101-" + String.format("%05d", index + 1));
    node.put("site_name", "Simulated Home " + (index + 1));
    node.put("backup_reserve_percent", 20);
    node.put("default_real_mode", "self_consumption");
    node.put("installation_date", "2024-01-01T00:00:00+00:00");
    node.put("version", "24.4.0 0fe780c9");
    node.put("battery_count", 1);
    node.put("nameplate_power", (long) MAX_BATTERY_WATTS);
    node.put("nameplate_energy", (long) PACK_WH);
    node.put("installation_time_zone", "Etc/UTC");
    ObjectNode components = node.putObject("components");
    components.put("solar", true);
    components.put("solar_type", "pv_panel");
    components.put("battery", true);
    components.put("grid", true);
    components.put("backup", true);
    components.put("gateway", "teg");
    components.put("load_meter", true);
    components.put("battery_type", "ac_powerwall");
    components.set("wall_connectors", FleetSimulatorBodies.array());
    ObjectNode tou = node.putObject("tou_settings");
    tou.put("optimization_strategy", "economics");
    tou.putArray("schedule");
    return node;
  }

  /**
   * Powers in W (battery positive when discharging, grid positive when importing) and charge in %,
   * on the simulated sites' local time ({@link SiteTime}) as the other solar simulators.
   */
  record Power(double solar, double load, double battery, double grid, double percentage) {}

  static Power power(Instant now) {
    double hour = now.atOffset(SiteTime.OFFSET).toLocalTime().toSecondOfDay() / 3600.0;
    double solar =
        hour > 6 && hour < 18 ? PEAK_SOLAR_WATTS * Math.sin(Math.PI * (hour - 6) / 12) : 0;
    double load = BASE_LOAD_WATTS + (hour >= 17 && hour < 22 ? EVENING_LOAD_WATTS : 0);
    double percentage;
    if (hour >= 6 && hour < 15) {
      percentage = 30 + 70 * (hour - 6) / 9;
    } else if (hour >= 15 && hour < 17) {
      percentage = 100;
    } else {
      double hoursSince17 = (hour - 17 + 24) % 24;
      percentage = 100 - 70 * hoursSince17 / 13;
    }
    double battery;
    if (solar > load) {
      battery = percentage < 100 ? -Math.min(solar - load, MAX_BATTERY_WATTS) : 0;
    } else {
      battery = percentage > 20 ? Math.min(load - solar, MAX_BATTERY_WATTS) : 0;
    }
    double grid = load - solar - battery;
    return new Power(solar, load, battery, grid, Math.round(percentage * 1000) / 1000.0);
  }

  private static long round(double watts) {
    return Math.round(watts);
  }
}
