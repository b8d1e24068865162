package dev.homeenergy.device.sunpower;

/**
 * The PVS itself ({@code DEVICE_TYPE} {@code PVS}): its data-logger statistics under their
 * DeviceList names. A field is null when the firmware did not send it; the vars API has only
 * uptime, CPU, memory and flash usage.
 *
 * @param hardwareVersion {@code HWVER} (vars {@code /sys/info/hwrev}), or empty
 * @param dlCommErr communication errors with devices; goes up and down
 * @param dlCpuLoad CPU load average (vars: {@code cpu_usage} / 100, as other clients map it)
 * @param dlErrCount error count
 * @param dlFlashAvail free flash, KiB
 * @param dlMemUsed memory used, KiB
 * @param dlScanTime duration of the last device scan, seconds
 * @param dlSkippedScans skipped scans
 * @param dlUntransmitted records not yet sent to the cloud
 * @param dlUptime seconds since the data logger started (vars {@code /sys/info/uptime})
 * @param cpuUsageRatio vars {@code /sys/info/cpu_usage} / 100; null on dl_cgi
 * @param memoryUsedRatio vars {@code /sys/info/ram_usage} / 100; null on dl_cgi
 * @param flashUsedRatio vars {@code /sys/info/flash_usage} / 100; null on dl_cgi
 */
public record Supervisor(
    DeviceIdentity id,
    String hardwareVersion,
    Double dlCommErr,
    Double dlCpuLoad,
    Double dlErrCount,
    Double dlFlashAvail,
    Double dlMemUsed,
    Double dlScanTime,
    Double dlSkippedScans,
    Double dlUntransmitted,
    Double dlUptime,
    Double cpuUsageRatio,
    Double memoryUsedRatio,
    Double flashUsedRatio) {}
