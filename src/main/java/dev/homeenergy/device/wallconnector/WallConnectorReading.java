package dev.homeenergy.device.wallconnector;

import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.Reading;
import java.util.Locale;
import java.util.Optional;

/**
 * One successful poll of a Wall Connector. {@code version} may come from an earlier poll: it is
 * fetched once and then refreshed hourly.
 */
public record WallConnectorReading(
    Vitals vitals, Lifetime lifetime, WifiStatus wifi, Version version) implements Reading {

  /** The charging power (Σ volts × amps, 0 while the contactor is open), for the summary. */
  @Override
  public Highlights highlights() {
    return vitals == null
        ? Highlights.NONE
        : Highlights.builder().chargingWatts(NativeNaming.power(vitals)).build();
  }

  /** The plug, charge current and session energy, for the status page. */
  @Override
  public Optional<String> summary() {
    if (vitals == null) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder();
    if (Boolean.TRUE.equals(vitals.contactorClosed())) {
      s.append("charging");
      if (vitals.vehicleCurrentAmps() != null) {
        s.append(String.format(Locale.ROOT, " at %.1f A", vitals.vehicleCurrentAmps()));
      }
      if (vitals.gridVolts() != null) {
        s.append(String.format(Locale.ROOT, ", %.0f V", vitals.gridVolts()));
      }
    } else if (Boolean.TRUE.equals(vitals.vehicleConnected())) {
      s.append("vehicle connected, not charging");
    } else {
      s.append("no vehicle");
    }
    if (vitals.sessionEnergyWh() != null && vitals.sessionEnergyWh() > 0) {
      String session = Boolean.TRUE.equals(vitals.vehicleConnected()) ? "session" : "last session";
      s.append(
          String.format(Locale.ROOT, "; %s %.2f kWh", session, vitals.sessionEnergyWh() / 1000));
    }
    return Optional.of(s.toString());
  }
}
