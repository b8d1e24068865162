package dev.homeenergy.device.sunpower;

/**
 * A production ({@code ...METER-P}) or consumption ({@code ...METER-C}) power meter, fields under
 * their DeviceList names (vars names map onto them). Null when not sent: production meters lack the
 * per-leg fields on dl_cgi (vars sends zeros), 2019 firmware lacks {@code i_a} and {@code v12_v}.
 * Lifetime energy: {@code pos} is imported from the grid, {@code neg} exported, net = pos − neg.
 *
 * @param ctRatedCurrent {@code CAL0}, the CT rating as text, or empty
 * @param ctSclFctr CT size, amperes
 * @param netLtea3phsumKwh lifetime net energy, kWh (negative on a net meter that exported more)
 * @param iA current of a production meter, A
 */
public record PowerMeter(
    DeviceIdentity id,
    String ctRatedCurrent,
    Double ctSclFctr,
    Double freqHz,
    Double netLtea3phsumKwh,
    Double negLtea3phsumKwh,
    Double posLtea3phsumKwh,
    Double p3phsumKw,
    Double q3phsumKvar,
    Double s3phsumKva,
    Double totPfRto,
    Double iA,
    Double i1A,
    Double i2A,
    Double v12V,
    Double v1nV,
    Double v2nV,
    Double p1Kw,
    Double p2Kw) {

  /** {@code production}, {@code consumption} or {@code unknown}, from {@code TYPE}. */
  public String mode() {
    return id.meterMode();
  }
}
