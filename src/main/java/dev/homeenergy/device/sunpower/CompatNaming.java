package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * Exactly the output of the Python {@code sunpower-pvs-exporter} (ginoledesma, 1.0), so its Grafana
 * dashboards keep working: its 28 families, names, label names and values, types and values (kW ×
 * 1000 to W, KiB × 1024 to bytes, kWh × 1000 to Wh gauges), no {@code device} label. Like the
 * original, the PVS, meters and inverters always get every family, with NaN for an absent field (so
 * {@code dc_power_watts} is NaN on 2023+ firmware, which sends {@code p_mppt1_kw} instead of {@code
 * p_mpptsum_kw}); other devices get only {@code device_state}, 1 when {@code working}, else 0. With
 * device timestamps, a device's samples carry its DATATIME read as UTC (the original read it as
 * local time).
 */
public final class CompatNaming implements Naming<SunpowerReading> {
  private static final String P = "sunpower_pvs_";
  private static final double KILO = 1000;
  private static final double KIB = 1024;

  static final MetricFamily INTERFACE =
      MetricFamily.info(
          P + "communication_interface", "Communications Interface Information (Get_Comm).");
  static final MetricFamily GRID_PROFILE =
      MetricFamily.info(P + "grid_profile", "Grid Profile (GridProfileGet).");

  static final MetricFamily SUP_COMM_ERRORS =
      MetricFamily.counter(
          P + "supervisor_communication_errors",
          "Total number of communication errors (dl_comm_err).");
  static final MetricFamily SUP_CPU =
      MetricFamily.gauge(P + "supervisor_cpu_loadavg", "CPU Load Average (dl_cpu_load).");
  static final MetricFamily SUP_ERRORS =
      MetricFamily.counter(P + "supervisor_errors", "Total number of errors (dl_err_count).");
  static final MetricFamily SUP_FLASH =
      MetricFamily.gauge(
          P + "supervisor_flash_storage_available_bytes",
          "Storage available space in bytes (dl_flash_avail KiB x 1024).");
  static final MetricFamily SUP_MEM =
      MetricFamily.gauge(
          P + "supervisor_mem_used_bytes", "Memory used in bytes (dl_mem_used KiB x 1024).");
  static final MetricFamily SUP_SCAN =
      MetricFamily.gauge(P + "supervisor_scan_time_seconds", "Scan time (dl_scan_time).");
  static final MetricFamily SUP_SKIPPED =
      MetricFamily.counter(P + "supervisor_skipped_scans", "Skipped scans (dl_skipped_scans).");
  static final MetricFamily SUP_UNTRANSMITTED =
      MetricFamily.counter(
          P + "supervisor_untransmitted_events", "Untransmitted events (dl_untransmitted).");
  static final MetricFamily SUP_UPTIME =
      MetricFamily.counter(P + "supervisor_uptime_seconds", "Uptime in seconds (dl_uptime).");

  static final MetricFamily METER_CT =
      MetricFamily.gauge(
          P + "power_meter_ct_rated_current_amperes", "CT Rated Current (ct_scl_fctr).");
  static final MetricFamily METER_FREQ =
      MetricFamily.gauge(P + "power_meter_ac_frequency_hertz", "AC Frequency (freq_hz).");
  static final MetricFamily METER_NET_ENERGY =
      MetricFamily.gauge(
          P + "power_meter_net_energy_watt_hours",
          "Total Net Energy (net_ltea_3phsum_kwh x 1000).");
  static final MetricFamily METER_P =
      MetricFamily.gauge(
          P + "power_meter_average_real_power_watts", "Average real power (p_3phsum_kw x 1000).");
  static final MetricFamily METER_Q =
      MetricFamily.gauge(
          P + "power_meter_average_reactive_power_volt_amperes_reactive",
          "Average reactive power (q_3phsum_kvar x 1000).");
  static final MetricFamily METER_S =
      MetricFamily.gauge(
          P + "power_meter_average_apparent_power_volt_amperes_reactive",
          "Average apparent power in volt-amperes, misnamed as reactive by the original (s_3phsum_kva x 1000).");
  static final MetricFamily METER_PF =
      MetricFamily.gauge(
          P + "power_meter_power_factor_real_power_per_apparent_power",
          "Power Factor (Real Power / Apparent Power) ratio (tot_pf_rto).");

  static final MetricFamily INV_AC_CURRENT =
      MetricFamily.gauge(P + "inverter_ac_current_amperes", "AC Current (i_3phsum_a).");
  static final MetricFamily INV_AC_POWER =
      MetricFamily.gauge(P + "inverter_ac_power_watts", "AC Power (p_3phsum_kw x 1000).");
  static final MetricFamily INV_AC_VOLTAGE =
      MetricFamily.gauge(P + "inverter_ac_voltage_volts", "AC Voltage (vln_3phavg_v).");
  static final MetricFamily INV_DC_CURRENT =
      MetricFamily.gauge(P + "inverter_dc_current_amperes", "DC Current (i_mppt1_a).");
  static final MetricFamily INV_DC_POWER =
      MetricFamily.gauge(
          P + "inverter_dc_power_watts",
          "DC Power (p_mpptsum_kw x 1000; NaN on firmware that sends p_mppt1_kw instead).");
  static final MetricFamily INV_DC_VOLTAGE =
      MetricFamily.gauge(P + "inverter_dc_voltage_volts", "DC Voltage (v_mppt1_v).");
  static final MetricFamily INV_FREQ =
      MetricFamily.gauge(
          P + "inverter_operating_frequency_hertz", "Operating Frequency in hertz (freq_hz).");
  static final MetricFamily INV_ENERGY =
      MetricFamily.gauge(
          P + "inverter_energy_total_watt_hours", "Total Energy (ltea_3phsum_kwh x 1000).");
  static final MetricFamily INV_HEATSINK =
      MetricFamily.gauge(
          P + "inverter_heatsink_temperature_celsius", "Heatsink Temperature (t_htsnk_degc).");

  static final MetricFamily DEVICE_STATE =
      MetricFamily.gauge(
          P + "device_state", "Device (Component/Module) State: 1 when STATE is working, else 0.");

  /** Every family in the original's order. */
  static final List<MetricFamily> FAMILIES =
      List.of(
          INTERFACE,
          GRID_PROFILE,
          SUP_COMM_ERRORS,
          SUP_CPU,
          SUP_ERRORS,
          SUP_FLASH,
          SUP_MEM,
          SUP_SCAN,
          SUP_SKIPPED,
          SUP_UNTRANSMITTED,
          SUP_UPTIME,
          METER_CT,
          METER_FREQ,
          METER_NET_ENERGY,
          METER_P,
          METER_Q,
          METER_S,
          METER_PF,
          INV_AC_CURRENT,
          INV_AC_POWER,
          INV_AC_VOLTAGE,
          INV_DC_CURRENT,
          INV_DC_POWER,
          INV_DC_VOLTAGE,
          INV_FREQ,
          INV_ENERGY,
          INV_HEATSINK,
          DEVICE_STATE);

  private final boolean useDeviceTimestamps;

  /**
   * @param useDeviceTimestamps give each device's samples its DATATIME (the original's
   *     --use-device-data-timestamp)
   */
  public CompatNaming(boolean useDeviceTimestamps) {
    this.useDeviceTimestamps = useDeviceTimestamps;
  }

  @Override
  public void render(SunpowerReading reading, String deviceName, Samples.Builder builder) {
    TimedSamples out = new TimedSamples(builder, useDeviceTimestamps);
    for (CommInterface i : reading.interfaces()) {
      out.add(
          INTERFACE,
          Labels.of("interface", i.name(), "internet", i.internet(), "sms", i.sms()),
          1,
          null);
    }
    GridProfile g = reading.gridProfile();
    if (g != null) {
      out.add(
          GRID_PROFILE,
          Labels.of(
              "id",
              g.activeId(),
              "name",
              g.activeName(),
              "percent",
              g.percent(),
              "status",
              g.status()),
          1,
          null);
    }
    if (reading.supervisor() != null) {
      supervisor(reading.supervisor(), out);
    }
    reading.meters().forEach(m -> meter(m, out));
    reading.inverters().forEach(i -> inverter(i, out));
    for (DeviceIdentity d : reading.devices()) {
      out.add(
          DEVICE_STATE,
          Labels.of(
              "device_id",
              d.serial(),
              "device_type",
              d.deviceType(),
              "model",
              d.model(),
              "state",
              d.state(),
              "software_version",
              d.softwareVersion(),
              "type",
              d.type()),
          d.working() ? 1 : 0,
          d.dataTimeMillis());
    }
  }

  private static void supervisor(Supervisor s, TimedSamples out) {
    DeviceIdentity id = s.id();
    Labels l =
        Labels.of(
            "device_id",
            id.serial(),
            "model",
            id.model(),
            "software_version",
            id.softwareVersion());
    Long t = id.dataTimeMillis();
    out.add(SUP_COMM_ERRORS, l, value(s.dlCommErr(), 1), t);
    out.add(SUP_CPU, l, value(s.dlCpuLoad(), 1), t);
    out.add(SUP_ERRORS, l, value(s.dlErrCount(), 1), t);
    out.add(SUP_FLASH, l, value(s.dlFlashAvail(), KIB), t);
    out.add(SUP_MEM, l, value(s.dlMemUsed(), KIB), t);
    out.add(SUP_SCAN, l, value(s.dlScanTime(), 1), t);
    out.add(SUP_SKIPPED, l, value(s.dlSkippedScans(), 1), t);
    out.add(SUP_UNTRANSMITTED, l, value(s.dlUntransmitted(), 1), t);
    out.add(SUP_UPTIME, l, value(s.dlUptime(), 1), t);
  }

  private static void meter(PowerMeter m, TimedSamples out) {
    DeviceIdentity id = m.id();
    Labels l = meterLabels(m);
    Long t = id.dataTimeMillis();
    out.add(METER_CT, l, value(m.ctSclFctr(), 1), t);
    out.add(METER_FREQ, l, value(m.freqHz(), 1), t);
    out.add(METER_NET_ENERGY, l, value(m.netLtea3phsumKwh(), KILO), t);
    out.add(METER_P, l, value(m.p3phsumKw(), KILO), t);
    out.add(METER_Q, l, value(m.q3phsumKvar(), KILO), t);
    out.add(METER_S, l, value(m.s3phsumKva(), KILO), t);
    out.add(METER_PF, l, value(m.totPfRto(), 1), t);
  }

  private static void inverter(Inverter i, TimedSamples out) {
    DeviceIdentity id = i.id();
    Labels l =
        Labels.of(
            "device_id",
            id.serial(),
            "description",
            id.description(),
            "type",
            id.type(),
            "model",
            id.model(),
            "module_id",
            i.moduleId(),
            "port",
            id.port(),
            "software_version",
            id.softwareVersion());
    Long t = id.dataTimeMillis();
    out.add(INV_AC_CURRENT, l, value(i.i3phsumA(), 1), t);
    out.add(INV_AC_POWER, l, value(i.p3phsumKw(), KILO), t);
    out.add(INV_AC_VOLTAGE, l, value(i.vln3phavgV(), 1), t);
    out.add(INV_DC_CURRENT, l, value(i.iMppt1A(), 1), t);
    out.add(INV_DC_POWER, l, value(i.pMpptsumKw(), KILO), t);
    out.add(INV_DC_VOLTAGE, l, value(i.vMppt1V(), 1), t);
    out.add(INV_FREQ, l, value(i.freqHz(), 1), t);
    out.add(INV_ENERGY, l, value(i.ltea3phsumKwh(), KILO), t);
    out.add(INV_HEATSINK, l, value(i.tHtsnkDegc(), 1), t);
  }

  /** {@code float(field) × factor}, NaN when the field is absent, as the original computed it. */
  private static double value(Double field, double factor) {
    return field == null ? Double.NaN : factor == 1 ? field : field * factor;
  }

  /**
   * The seed's labels of a power meter; the native naming adds its device label to the same set.
   */
  static Labels meterLabels(PowerMeter m) {
    DeviceIdentity id = m.id();
    return Labels.of(
        "device_id",
        id.serial(),
        "description",
        id.description(),
        "type",
        id.type(),
        "model",
        id.model(),
        "mode",
        m.mode(),
        "port",
        id.port(),
        "ct_rated_current",
        m.ctRatedCurrent(),
        "software_version",
        id.softwareVersion());
  }
}
