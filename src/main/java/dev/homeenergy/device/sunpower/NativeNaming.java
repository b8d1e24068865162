package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The Python {@code sunpower-pvs-exporter}'s metric set under prefix {@code sunpower_pvs_} with its
 * bugs fixed: base units (watts, volt-amperes, joules, bytes, seconds, ratios), lifetime energy as
 * {@code _joules_total} counters, gauges for values that go down (uptime, error and backlog
 * counts), apparent power in volt-amperes, DC power from {@code p_mppt1_kw} on 2023+ firmware, a
 * {@code device} label on every sample and a state series for every device whatever its state. Adds
 * per-leg meter values, imported and exported energy, storage device values, the vars site totals
 * and the API in use. A sample is left out when its field is absent (never NaN). Meter, inverter
 * and storage/site families are in {@link NativePvNaming} and {@link NativeSiteNaming}.
 */
public final class NativeNaming implements Naming<SunpowerReading> {
  static final String P = "sunpower_pvs_";
  static final double WATTS_PER_KW = 1000;
  static final double JOULES_PER_KWH = 3_600_000;
  private static final double BYTES_PER_KIB = 1024;

  static final MetricFamily API =
      MetricFamily.info(
          P + "api",
          "The local API the PVS was read through: dl_cgi (DeviceList) or vars (varserver).");
  static final MetricFamily INTERFACE =
      MetricFamily.info(
          P + "communication_interface",
          "Communication interface status (Get_Comm networkstatus.interfaces[].interface, internet, sms).");
  static final MetricFamily GRID_PROFILE =
      MetricFamily.info(
          P + "grid_profile",
          "Active grid profile (GridProfileGet active_id, active_name, percent, status).");
  static final MetricFamily DEVICE_STATE =
      MetricFamily.gauge(
          P + "device_state",
          "1 for every device with its state in label state, e.g. working or error (DeviceList SERIAL, DEVICE_TYPE,"
              + " STATE; working on vars).");

  static final MetricFamily SUP_COMM_ERRORS =
      MetricFamily.gauge(
          P + "supervisor_communication_errors",
          "Communication errors with devices; goes up and down (dl_comm_err).");
  static final MetricFamily SUP_ERRORS =
      MetricFamily.gauge(P + "supervisor_errors", "Error count (dl_err_count).");
  static final MetricFamily SUP_SKIPPED =
      MetricFamily.counter(
          P + "supervisor_skipped_scans", "Skipped device scans (dl_skipped_scans).");
  static final MetricFamily SUP_UNTRANSMITTED =
      MetricFamily.gauge(
          P + "supervisor_untransmitted_events",
          "Records not yet sent to the cloud (dl_untransmitted).");
  static final MetricFamily SUP_CPU_LOAD =
      MetricFamily.gauge(
          P + "supervisor_cpu_load_average", "CPU load average (dl_cpu_load; dl_cgi only).");
  static final MetricFamily SUP_CPU_USAGE =
      MetricFamily.gauge(
          P + "supervisor_cpu_usage_ratio",
          "ratio",
          "CPU usage, 0..1 (vars /sys/info/cpu_usage / 100).");
  static final MetricFamily SUP_MEM =
      MetricFamily.gauge(
          P + "supervisor_memory_used_bytes", "bytes", "Memory used, KiB x 1024 (dl_mem_used).");
  static final MetricFamily SUP_MEM_RATIO =
      MetricFamily.gauge(
          P + "supervisor_memory_used_ratio",
          "ratio",
          "Memory used, 0..1 (vars /sys/info/ram_usage / 100).");
  static final MetricFamily SUP_FLASH =
      MetricFamily.gauge(
          P + "supervisor_flash_available_bytes",
          "bytes",
          "Free flash storage, KiB x 1024 (dl_flash_avail).");
  static final MetricFamily SUP_FLASH_RATIO =
      MetricFamily.gauge(
          P + "supervisor_flash_used_ratio",
          "ratio",
          "Flash storage used, 0..1 (vars /sys/info/flash_usage / 100).");
  static final MetricFamily SUP_SCAN =
      MetricFamily.gauge(
          P + "supervisor_scan_time_seconds",
          "seconds",
          "Duration of the last device scan (dl_scan_time).");
  static final MetricFamily SUP_UPTIME =
      MetricFamily.gauge(
          P + "supervisor_uptime_seconds",
          "seconds",
          "Time since the data logger started; resets at reboot (dl_uptime; vars /sys/info/uptime).");

  private final boolean useDeviceTimestamps;

  /**
   * @param useDeviceTimestamps give each device's samples its DATATIME (vars: msmtEps, livedata
   *     time), UTC
   */
  public NativeNaming(boolean useDeviceTimestamps) {
    this.useDeviceTimestamps = useDeviceTimestamps;
  }

  @Override
  public void render(SunpowerReading reading, String deviceName, Samples.Builder builder) {
    TimedSamples out = new TimedSamples(builder, useDeviceTimestamps);
    Labels device = Labels.of("device", deviceName);
    out.add(API, device.add("api", reading.api().label()), 1, null);
    for (CommInterface i : reading.interfaces()) {
      out.add(
          INTERFACE,
          device.merge(Labels.of("interface", i.name(), "internet", i.internet(), "sms", i.sms())),
          1,
          null);
    }
    GridProfile g = reading.gridProfile();
    if (g != null) {
      out.add(
          GRID_PROFILE,
          device.merge(
              Labels.of(
                  "id",
                  g.activeId(),
                  "name",
                  g.activeName(),
                  "percent",
                  g.percent(),
                  "status",
                  g.status())),
          1,
          null);
    }
    if (reading.supervisor() != null) {
      supervisor(reading.supervisor(), device, out);
    }
    reading.meters().forEach(m -> NativePvNaming.meter(m, device, out));
    reading.inverters().forEach(i -> NativePvNaming.inverter(i, device, out));
    reading.storageDevices().forEach(s -> NativeSiteNaming.storage(s, device, out));
    if (reading.liveData() != null) {
      NativeSiteNaming.liveData(reading.liveData(), device, out);
    }
    for (DeviceIdentity d : reading.devices()) {
      out.add(
          DEVICE_STATE,
          device.merge(Labels.of("serial", d.serial(), "type", d.deviceType(), "state", d.state())),
          1,
          d.dataTimeMillis());
    }
  }

  private static void supervisor(Supervisor s, Labels device, TimedSamples out) {
    DeviceIdentity id = s.id();
    Labels l =
        device.merge(
            Labels.of(
                "device_id",
                id.serial(),
                "model",
                id.model(),
                "software_version",
                id.softwareVersion()));
    Long t = id.dataTimeMillis();
    out.addScaled(SUP_COMM_ERRORS, l, s.dlCommErr(), 1, t);
    out.addScaled(SUP_ERRORS, l, s.dlErrCount(), 1, t);
    out.addScaled(SUP_SKIPPED, l, s.dlSkippedScans(), 1, t);
    out.addScaled(SUP_UNTRANSMITTED, l, s.dlUntransmitted(), 1, t);
    if (s.cpuUsageRatio() != null) {
      out.addScaled(SUP_CPU_USAGE, l, s.cpuUsageRatio(), 1, t);
    } else {
      out.addScaled(SUP_CPU_LOAD, l, s.dlCpuLoad(), 1, t);
    }
    out.addScaled(SUP_MEM, l, s.dlMemUsed(), BYTES_PER_KIB, t);
    out.addScaled(SUP_MEM_RATIO, l, s.memoryUsedRatio(), 1, t);
    out.addScaled(SUP_FLASH, l, s.dlFlashAvail(), BYTES_PER_KIB, t);
    out.addScaled(SUP_FLASH_RATIO, l, s.flashUsedRatio(), 1, t);
    out.addScaled(SUP_SCAN, l, s.dlScanTime(), 1, t);
    out.addScaled(SUP_UPTIME, l, s.dlUptime(), 1, t);
  }
}
