package dev.homeenergy.device.sunpower.sim;

/**
 * The PVS's own health figures, refreshed every five minutes.
 *
 * @param measuredAt UTC epoch second of the last refresh (the supervisor's {@code DATATIME})
 * @param uptimeSeconds data-logger uptime at {@code measuredAt}
 * @param memUsedKib memory used in KiB
 * @param flashAvailKib free flash in KiB, slowly falling as the PVS writes logs
 */
public record PvsModelSupervisor(
    long measuredAt,
    long uptimeSeconds,
    double cpuLoad,
    long memUsedKib,
    long flashAvailKib,
    long scanTime,
    long commErrors,
    long untransmitted) {}
