package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Objects;

/**
 * The Go {@code powerwall_exporter}'s metric families under its names (prefix {@code powerwall_})
 * with its bugs fixed: base units ({@code _amperes}, {@code _hertz}, reactive and apparent power
 * not in watts), no float32 rounding, zero values kept, {@code type} instead of {@code tyoe}, a
 * {@code device} label on every sample, repeated series (two packs with one serial) dropped. Adds
 * grid status, per-phase readings, per-pack power, site info and nominal size. A sample is left out
 * when its endpoint or field is absent.
 */
public final class NativeNaming implements Naming<PowerwallReading> {
  static final String PREFIX = "powerwall_";
  private static final String P = PREFIX;

  static final MetricFamily INFO =
      MetricFamily.info("powerwall", "Gateway firmware (status.version, status.git_hash).");
  static final MetricFamily UPTIME =
      MetricFamily.gauge(
          P + "uptime_seconds",
          "seconds",
          "Time since the gateway last rebooted; resets at reboot (status.up_time_seconds).");
  static final MetricFamily COMMISSIONS =
      MetricFamily.counter(
          P + "commissions",
          "Configuration changes (commissionings) since the last reboot (status.commission_count).");
  static final MetricFamily CHARGE =
      MetricFamily.gauge(
          P + "charge_ratio",
          "ratio",
          "Charge of all batteries, 0..1, API scale (system_status/soe.percentage / 100).");
  static final MetricFamily OPERATION_MODE =
      MetricFamily.gauge(
          P + "operation_mode",
          "1 for the current operating mode in label mode (operation.real_mode; 2018: mode).");
  static final MetricFamily RESERVE =
      MetricFamily.gauge(
          P + "reserve_ratio",
          "ratio",
          "Charge reserved for backup, 0..1, API scale (operation.backup_reserve_percent / 100).");
  static final MetricFamily SITEMASTER_RUNNING =
      MetricFamily.gauge(
          P + "sitemaster_running", "1 if the sitemaster is running (sitemaster.running).");
  static final MetricFamily SITEMASTER_CONNECTED =
      MetricFamily.gauge(
          P + "sitemaster_connected",
          "1 if the gateway is connected to Tesla (sitemaster.connected_to_tesla).");
  static final MetricFamily POWER_SUPPLY_MODE =
      MetricFamily.gauge(
          P + "power_supply_mode", "1 in power supply mode (sitemaster.power_supply_mode).");
  static final MetricFamily SITEMASTER_BUSY =
      MetricFamily.gauge(
          P + "sitemaster_busy",
          "1 with the reason in label reason while the sitemaster should not be stopped or rebooted,"
              + " 0 with reason=\"\" when it can be (sitemaster.can_reboot; \"Yes\" = not busy).");
  static final MetricFamily PROBLEMS =
      MetricFamily.gauge(
          P + "problems_detected",
          "Number of problems currently reported (troubleshooting/problems.problems).");
  static final MetricFamily GRID_STATUS =
      MetricFamily.gauge(
          P + "grid_status",
          "1 for the current grid status in label state (system_status/grid_status.grid_status).");
  static final MetricFamily GRID_SERVICES_ACTIVE =
      MetricFamily.gauge(
          P + "grid_services_active",
          "1 while grid services are active (system_status/grid_status.grid_services_active).");
  static final MetricFamily NETWORK_ENABLED =
      MetricFamily.gauge(
          P + "network_enabled", "1 if the interface is enabled (networks[].enabled).");
  static final MetricFamily NETWORK_ACTIVE =
      MetricFamily.gauge(P + "network_active", "1 if the interface is active (networks[].active).");
  static final MetricFamily NETWORK_PRIMARY =
      MetricFamily.gauge(
          P + "network_primary", "1 for the primary interface (networks[].primary).");
  static final MetricFamily NETWORK_STATE =
      MetricFamily.gauge(
          P + "network_state",
          "1 for the interface state and the reason of its last change in labels state, reason"
              + " (networks[].iface_network_info.state, state_reason).");
  static final MetricFamily NETWORK_SIGNAL =
      MetricFamily.gauge(
          P + "network_signal_strength_ratio",
          "ratio",
          "Signal strength, 0..1; 0 on wired interfaces"
              + " (networks[].iface_network_info.signal_strength / 100).");
  static final MetricFamily SITE_INFO =
      MetricFamily.info(
          P + "site",
          "Site name, time zone and grid settings (site_info.site_name, timezone, grid_code.*).");
  static final MetricFamily SITE_ENERGY =
      MetricFamily.gauge(
          P + "site_nominal_system_energy_joules",
          "joules",
          "Nominal energy of the system, kWh x 3.6e6 (site_info.nominal_system_energy_kWh).");
  static final MetricFamily SITE_POWER =
      MetricFamily.gauge(
          P + "site_nominal_system_power_watts",
          "watts",
          "Nominal power of the system, kW x 1000 (site_info.nominal_system_power_kW).");

  private static final GridCode NO_GRID_CODE =
      new GridCode(null, null, null, null, null, null, null, null, null, null);
  private static final double JOULES_PER_KWH = 3_600_000;
  private static final double WATTS_PER_KW = 1000;

  @Override
  public void render(PowerwallReading reading, String deviceName, Samples.Builder out) {
    Labels device = Labels.of("device", deviceName);
    if (reading.status() != null) {
      renderStatus(reading.status(), device, out);
    }
    if (reading.soe() != null && reading.soe().percentage() != null) {
      out.add(CHARGE, device, reading.soe().percentage() / 100);
    }
    if (reading.operation() != null) {
      renderOperation(reading.operation(), device, out);
    }
    if (reading.sitemaster() != null) {
      renderSitemaster(reading.sitemaster(), device, out);
    }
    if (reading.problems() != null && reading.problems().problems() != null) {
      out.add(PROBLEMS, device, reading.problems().problems().size());
    }
    if (reading.systemStatus() != null) {
      NativeBatteryNaming.render(reading.systemStatus(), device, out);
    }
    if (reading.gridStatus() != null) {
      renderGridStatus(reading.gridStatus(), device, out);
    }
    if (reading.aggregates() != null) {
      NativeMeterNaming.renderAggregates(reading.aggregates(), device, out);
    }
    NativeMeterNaming.renderDevices(reading.meters(), device, out);
    if (reading.networks() != null) {
      reading.networks().stream()
          .filter(Objects::nonNull)
          .forEach(n -> renderNetwork(n, device, out));
    }
    if (reading.siteInfo() != null) {
      renderSiteInfo(reading.siteInfo(), device, out);
    }
    if (reading.tedapi() != null) {
      TedapiNaming.render(reading.tedapi(), device, out);
    }
  }

  private static void renderStatus(Status s, Labels device, Samples.Builder out) {
    out.add(
        INFO,
        device.merge(Labels.of("version", text(s.version()), "git_hash", text(s.gitHash()))),
        1);
    out.addIfPresent(UPTIME, device, s.uptimeSeconds());
    if (s.commissionCount() != null) {
      out.add(COMMISSIONS, device, s.commissionCount());
    }
  }

  private static void renderOperation(Operation o, Labels device, Samples.Builder out) {
    if (o.effectiveMode() != null) {
      out.add(OPERATION_MODE, device.add("mode", o.effectiveMode()), 1);
    }
    if (o.backupReservePercent() != null) {
      out.add(RESERVE, device, o.backupReservePercent() / 100);
    }
  }

  private static void renderSitemaster(Sitemaster s, Labels device, Samples.Builder out) {
    out.addIfPresent(SITEMASTER_RUNNING, device, s.running());
    out.addIfPresent(SITEMASTER_CONNECTED, device, s.connectedToTesla());
    out.addIfPresent(POWER_SUPPLY_MODE, device, s.powerSupplyMode());
    if (s.canReboot() != null) {
      boolean canReboot = s.canReboot().equals("Yes");
      out.add(
          SITEMASTER_BUSY, device.add("reason", canReboot ? "" : s.canReboot()), canReboot ? 0 : 1);
    }
  }

  private static void renderGridStatus(GridStatus g, Labels device, Samples.Builder out) {
    if (g.gridStatus() != null) {
      out.add(GRID_STATUS, device.add("state", g.gridStatus()), 1);
    }
    out.addIfPresent(GRID_SERVICES_ACTIVE, device, g.gridServicesActive());
  }

  private static void renderNetwork(Network n, Labels device, Samples.Builder out) {
    Labels labels = device.merge(Labels.of("type", text(n.iface()), "name", text(n.networkName())));
    out.addIfPresent(NETWORK_ENABLED, labels, n.enabled());
    out.addIfPresent(NETWORK_ACTIVE, labels, n.active());
    out.addIfPresent(NETWORK_PRIMARY, labels, n.primary());
    NetworkInfo info = n.ifaceNetworkInfo();
    if (info == null) {
      return;
    }
    out.add(
        NETWORK_STATE,
        labels.merge(Labels.of("state", text(info.state()), "reason", text(info.stateReason()))),
        1);
    if (info.signalStrength() != null) {
      out.add(NETWORK_SIGNAL, labels, info.signalStrength() / 100);
    }
  }

  private static void renderSiteInfo(SiteInfo s, Labels device, Samples.Builder out) {
    GridCode g = Objects.requireNonNullElse(s.gridCode(), NO_GRID_CODE);
    out.add(
        SITE_INFO,
        device.merge(
            Labels.of(
                "site_name", text(s.siteName()),
                "timezone", text(s.timezone()),
                "grid_code", text(g.gridCode()),
                "grid_voltage_setting", number(g.gridVoltageSetting()),
                "grid_freq_setting", number(g.gridFreqSetting()),
                "grid_phase_setting", text(g.gridPhaseSetting()),
                "country", text(g.country()),
                "state", text(g.state()),
                "distributor", text(g.distributor()),
                "utility", text(g.utility()),
                "retailer", text(g.retailer()),
                "region", text(g.region()))),
        1);
    out.addScaled(SITE_ENERGY, device, s.nominalSystemEnergyKwh(), JOULES_PER_KWH);
    out.addScaled(SITE_POWER, device, s.nominalSystemPowerKw(), WATTS_PER_KW);
  }

  static String text(String value) {
    return Objects.requireNonNullElse(value, "");
  }

  /** A number as a label value: {@code 240} rather than {@code 240.0}; empty when absent. */
  private static String number(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) && !value.isInfinite()
        ? Long.toString(value.longValue())
        : value.toString();
  }
}
