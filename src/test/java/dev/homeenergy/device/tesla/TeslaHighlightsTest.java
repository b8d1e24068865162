package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.homeenergy.core.Highlights;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status page's cars and site values from a Fleet API reading. */
class TeslaHighlightsTest {

  private static VehicleCharge charge(
      double level, double rangeMiles, Double chargerKw, String state) {
    return new VehicleCharge(
        level,
        level,
        rangeMiles,
        rangeMiles,
        rangeMiles,
        90.0,
        1.0,
        20.0,
        chargerKw,
        240.0,
        30.0,
        1.5,
        true,
        false,
        false,
        state);
  }

  private static Vehicle awake(String name, String vin, VehicleCharge charge) {
    return new Vehicle(
        "1",
        vin,
        name,
        "online",
        new VehicleData(name, charge, null, null, null, JsonNodeFactory.instance.objectNode()));
  }

  private static EnergySiteLive live(String islandStatus, String gridStatus) {
    return new EnergySiteLive(
        3000.0,
        -500.0,
        1200.0,
        -1300.0,
        0.0,
        64.0,
        8000.0,
        13500.0,
        gridStatus,
        islandStatus,
        false,
        false,
        true,
        "2026-12-03T12:00:00Z");
  }

  private static TeslaReading reading(List<Vehicle> vehicles, List<EnergySite> sites) {
    return new TeslaReading(Instant.EPOCH, vehicles, sites, null, List.of());
  }

  @Test
  void twoCarsOneChargingOneAsleep() {
    Highlights highlights =
        reading(
                List.of(
                    awake("Red", "VIN1", charge(81, 250, 7.2, "Charging")),
                    new Vehicle("2", "VIN2", "", "asleep", null)),
                List.of())
            .highlights();

    assertThat(highlights.cars()).hasSize(2);
    Highlights.Car red = highlights.cars().get(0);
    assertThat(red.name()).isEqualTo("Red");
    assertThat(red.batteryPercent()).isEqualTo(81);
    assertThat(red.rangeKm()).isCloseTo(402.3, within(0.1));
    assertThat(red.chargingState()).isEqualTo("Charging");
    assertThat(red.chargingWatts()).isEqualTo(7200);
    assertThat(red.wakefulness()).isEqualTo(Highlights.Wakefulness.AWAKE);
    assertThat(highlights.cars().get(1))
        .isEqualTo(
            new Highlights.Car("VIN2", null, null, null, null, Highlights.Wakefulness.ASLEEP));
    assertThat(highlights.solarWatts()).isNull();
    assertThat(highlights.islanded()).isNull();
  }

  @Test
  void aCarThatIsNotChargingDrawsNoPowerWhateverItsChargerReports() {
    Highlights.Car car =
        reading(List.of(awake("Blue", "VIN3", charge(50, 150, 0.4, "Complete"))), List.of())
            .highlights()
            .cars()
            .get(0);

    assertThat(car.chargingState()).isEqualTo("Complete");
    assertThat(car.chargingWatts()).isNull();
  }

  @Test
  void theEnergySiteGivesTheHousesFlowsAndItsGridState() {
    Highlights onGrid =
        reading(
                List.of(),
                List.of(new EnergySite("9", "Home", "battery", live("on_grid", "Active"), null)))
            .highlights();
    assertThat(onGrid.solarWatts()).isEqualTo(3000);
    assertThat(onGrid.batteryWatts()).isEqualTo(-500);
    assertThat(onGrid.loadWatts()).isEqualTo(1200);
    assertThat(onGrid.gridWatts()).isEqualTo(-1300);
    assertThat(onGrid.batteryPercent()).isEqualTo(64);
    assertThat(onGrid.islanded()).isFalse();

    assertThat(TeslaHighlights.islanded(live("off_grid_unintentional", "Inactive"))).isTrue();
    assertThat(TeslaHighlights.islanded(live(null, "Inactive"))).isTrue();
    assertThat(TeslaHighlights.islanded(live(null, null))).isNull();
  }
}
