package dev.homeenergy.device.powerwall;

import static dev.homeenergy.device.powerwall.CompatValues.bool;
import static dev.homeenergy.device.powerwall.CompatValues.text;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Objects;

/**
 * Exactly the output of foogod's Go {@code powerwall_exporter} v0.2.0, so its dashboards keep
 * working: its 54 families, names, types and labels (including {@code tyoe}), no {@code device}
 * label, values rounded through float32, absent fields as Go zero values, frequency and energy
 * counters left out when 0. Two deliberate differences, both invisible in the text format: {@code
 * uptime_seconds} and {@code commission_count} (Go counters without {@code _total}) are gauges, and
 * a series repeated with identical labels (two packs sharing a serial) is kept once.
 */
public final class CompatNaming implements Naming<PowerwallReading> {
  static final String PREFIX = "powerwall_";
  private static final String P = PREFIX;

  static final MetricFamily INFO = MetricFamily.info("powerwall", "Device Information");
  static final MetricFamily UPTIME =
      MetricFamily.gauge(P + "uptime_seconds", "Seconds since last reboot");
  static final MetricFamily COMMISSION_COUNT =
      MetricFamily.gauge(P + "commission_count", "Number of config changes since last reboot");
  static final MetricFamily CHARGE =
      MetricFamily.gauge(P + "charge_ratio", "Total amount of charge");
  static final MetricFamily OPERATION_MODE =
      MetricFamily.gauge(P + "operation_mode", "Operational Mode");
  static final MetricFamily RESERVE =
      MetricFamily.gauge(P + "reserve_ratio", "Amount of charge reserved for backup use");
  static final MetricFamily SITEMASTER_RUNNING =
      MetricFamily.gauge(P + "sitemaster_running", "Is powerwall in running or stopped state?");
  static final MetricFamily SITEMASTER_CONNECTED =
      MetricFamily.gauge(P + "sitemaster_connected", "Is powerwall connected to Tesla?");
  static final MetricFamily POWER_SUPPLY_MODE =
      MetricFamily.gauge(P + "power_supply_mode", "Is powerwall in 'power supply' mode?");
  static final MetricFamily SITEMASTER_BUSY =
      MetricFamily.gauge(
          P + "sitemaster_busy",
          "Is sitemaster performing some operation which should not be interrupted by stop/reboot?");
  static final MetricFamily PROBLEMS =
      MetricFamily.gauge(P + "problems_detected_count", "Number of problems currently reported");
  static final MetricFamily NETWORK_ENABLED =
      MetricFamily.gauge(P + "network_enabled", "Is network interface enabled?");
  static final MetricFamily NETWORK_ACTIVE =
      MetricFamily.gauge(P + "network_active", "Is network interface active?");
  static final MetricFamily NETWORK_PRIMARY =
      MetricFamily.gauge(P + "network_primary", "Is this the primary network interface?");
  static final MetricFamily NETWORK_STATE =
      MetricFamily.gauge(P + "network_state", "Current state and reason for last state change");
  static final MetricFamily NETWORK_SIGNAL =
      MetricFamily.gauge(P + "network_signal_strength", "Wireless signal strength");

  @Override
  public void render(PowerwallReading reading, String deviceName, Samples.Builder out) {
    Status status = reading.status();
    if (status != null) {
      out.add(
          INFO,
          Labels.of("version", text(status.version()), "git_hash", text(status.gitHash())),
          1);
      out.add(UPTIME, Labels.EMPTY, Objects.requireNonNullElse(status.uptimeSeconds(), 0.0));
      out.add(
          COMMISSION_COUNT,
          Labels.EMPTY,
          status.commissionCount() == null ? 0 : status.commissionCount());
    }
    if (reading.soe() != null) {
      out.add(CHARGE, Labels.EMPTY, percentRatio(reading.soe().percentage()));
    }
    if (reading.operation() != null) {
      out.add(OPERATION_MODE, Labels.of("mode", text(reading.operation().realMode())), 1);
      out.add(RESERVE, Labels.EMPTY, percentRatio(reading.operation().backupReservePercent()));
    }
    Sitemaster sitemaster = reading.sitemaster();
    if (sitemaster != null) {
      out.add(SITEMASTER_RUNNING, Labels.EMPTY, bool(sitemaster.running()));
      out.add(SITEMASTER_CONNECTED, Labels.EMPTY, bool(sitemaster.connectedToTesla()));
      out.add(POWER_SUPPLY_MODE, Labels.EMPTY, bool(sitemaster.powerSupplyMode()));
      if (!"Yes".equals(sitemaster.canReboot())) {
        out.add(SITEMASTER_BUSY, Labels.of("reason", text(sitemaster.canReboot())), 1);
      }
    }
    if (reading.problems() != null) {
      out.add(
          PROBLEMS,
          Labels.EMPTY,
          reading.problems().problems() == null ? 0 : reading.problems().problems().size());
    }
    if (reading.systemStatus() != null) {
      CompatBatteryNaming.render(reading.systemStatus(), out);
    }
    if (reading.aggregates() != null) {
      CompatMeterNaming.render(reading.aggregates(), reading.meters(), out);
    }
    if (reading.networks() != null) {
      reading.networks().stream().filter(Objects::nonNull).forEach(n -> renderNetwork(n, out));
    }
  }

  /** Go divides the float32 percentage by 100 in float32. */
  private static double percentRatio(Double percent) {
    return CompatValues.f32(percent) / 100f;
  }

  private static void renderNetwork(Network n, Samples.Builder out) {
    Labels labels = Labels.of("type", text(n.iface()), "name", text(n.networkName()));
    out.add(NETWORK_ENABLED, labels, bool(n.enabled()));
    out.add(NETWORK_ACTIVE, labels, bool(n.active()));
    out.add(NETWORK_PRIMARY, labels, bool(n.primary()));
    NetworkInfo info = n.ifaceNetworkInfo();
    if (info == null || text(info.networkName()).isEmpty()) {
      return;
    }
    out.add(
        NETWORK_STATE,
        labels.merge(Labels.of("state", text(info.state()), "reason", text(info.stateReason()))),
        1);
    double signal = CompatValues.gauge(info.signalStrength());
    if (signal != 0) {
      out.add(NETWORK_SIGNAL, labels, signal);
    }
  }
}
