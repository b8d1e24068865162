package dev.homeenergy.device.sunpower;

/**
 * A microinverter, fields under their DeviceList names. Firmware from 2023 sends {@code p_mppt1_kw}
 * where older firmware sent {@code p_mpptsum_kw}; an inverter in {@code error} may carry its last
 * values or none, so every field may be null.
 *
 * @param moduleId {@code MOD_SN}, or empty
 * @param ltea3phsumKwh lifetime energy, kWh
 * @param p3phsumKw AC power, kW
 * @param vln3phavgV AC voltage, V
 * @param i3phsumA AC current, A
 * @param pMppt1Kw DC power, kW (2023+)
 * @param pMpptsumKw DC power, kW (before 2023)
 * @param vMppt1V DC voltage, V
 * @param iMppt1A DC current, A
 * @param tHtsnkDegc heatsink temperature, °C
 * @param freqHz AC frequency, Hz
 */
public record Inverter(
    DeviceIdentity id,
    String moduleId,
    Double ltea3phsumKwh,
    Double p3phsumKw,
    Double vln3phavgV,
    Double i3phsumA,
    Double pMppt1Kw,
    Double pMpptsumKw,
    Double vMppt1V,
    Double iMppt1A,
    Double tHtsnkDegc,
    Double freqHz) {

  /** DC power in kW from whichever field the firmware sent, {@code p_mppt1_kw} first. */
  public Double dcPowerKw() {
    return pMppt1Kw != null ? pMppt1Kw : pMpptsumKw;
  }
}
