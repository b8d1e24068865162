package dev.homeenergy.device.sunpower;

/**
 * Site totals from vars {@code /sys/livedata/}; each field null when absent or {@code "nan"} (the
 * storage fields on a site without battery).
 *
 * @param timeMillis {@code time} (Unix s) as ms
 * @param pvKw {@code pv_p}, solar production
 * @param pvKwh {@code pv_en}, lifetime production
 * @param netKw {@code net_p}, grid power, + import / − export
 * @param netKwh {@code net_en}, lifetime net grid energy
 * @param loadKw {@code site_load_p}, site consumption
 * @param loadKwh {@code site_load_en}, lifetime consumption
 * @param storageKw {@code ess_p}, battery power, + discharge
 * @param storageKwh {@code ess_en}, lifetime net battery energy
 * @param soc {@code soc}, state of charge 0..1
 * @param backupTimeMinutes {@code backupTimeRemaining}
 */
public record LiveData(
    Long timeMillis,
    Double pvKw,
    Double pvKwh,
    Double netKw,
    Double netKwh,
    Double loadKw,
    Double loadKwh,
    Double storageKw,
    Double storageKwh,
    Double soc,
    Double backupTimeMinutes) {}
