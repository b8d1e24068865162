package dev.homeenergy.device.sunpower.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PvsModelTest {
  private static final Instant SOLAR_MIDNIGHT = Instant.parse("2025-06-21T08:00:00Z");
  private static final double STEP_HOURS = PvsModel.STEP.getSeconds() / 3600.0;

  @Test
  void aSimulatedDayKeepsMetersAndCountersConsistent() {
    int inverters = 12;
    PvsModel model = new PvsModel(SOLAR_MIDNIGHT, inverters);
    PvsModelSnapshot first = model.snapshot();
    PvsModelSnapshot previous = first;
    double[] integratedKwh = new double[inverters];
    double[] peakKw = new double[inverters];
    double integratedProductionKwh = 0;
    double integratedImportKwh = 0;
    double integratedExportKwh = 0;
    Instant now = SOLAR_MIDNIGHT;
    for (int step = 0; step < 24 * 240; step++) {
      now = now.plus(PvsModel.STEP);
      model.advanceTo(now);
      PvsModelSnapshot snapshot = model.snapshot();
      assertThat(snapshot.time()).isEqualTo(now.getEpochSecond());
      assertThat(snapshot.production().kw()).isCloseTo(snapshot.inverterKw(), within(1e-9));
      assertThat(snapshot.consumption().kw())
          .isCloseTo(snapshot.loadKw() - snapshot.production().kw(), within(1e-9));
      assertThat(snapshot.consumption().leg1Kw() + snapshot.consumption().leg2Kw())
          .isCloseTo(snapshot.consumption().kw(), within(1e-9));
      assertThat(snapshot.consumption().netKwh())
          .isCloseTo(
              snapshot.consumption().posKwh() - snapshot.consumption().negKwh(), within(1e-6));
      assertThat(snapshot.production().netKwh())
          .isGreaterThanOrEqualTo(previous.production().netKwh());
      assertThat(snapshot.consumption().posKwh())
          .isGreaterThanOrEqualTo(previous.consumption().posKwh());
      assertThat(snapshot.consumption().negKwh())
          .isGreaterThanOrEqualTo(previous.consumption().negKwh());
      for (PvsModelInverter inverter : snapshot.inverters()) {
        int i = inverter.index();
        assertThat(inverter.lifetimeKwh())
            .isGreaterThanOrEqualTo(previous.inverters().get(i).lifetimeKwh());
        integratedKwh[i] += inverter.acKw() * STEP_HOURS;
        peakKw[i] = Math.max(peakKw[i], inverter.acKw());
      }
      integratedProductionKwh += snapshot.production().kw() * STEP_HOURS;
      double net = snapshot.consumption().kw();
      integratedImportKwh += Math.max(0, net) * STEP_HOURS;
      integratedExportKwh += Math.max(0, -net) * STEP_HOURS;
      previous = snapshot;
    }
    for (int i = 0; i < inverters; i++) {
      double delta =
          previous.inverters().get(i).lifetimeKwh() - first.inverters().get(i).lifetimeKwh();
      assertThat(delta).isCloseTo(integratedKwh[i], within(1e-6));
      assertThat(delta).isBetween(1.0, 3.5);
      assertThat(peakKw[i]).isBetween(0.28, 0.40);
    }
    assertThat(previous.production().netKwh() - first.production().netKwh())
        .isCloseTo(integratedProductionKwh, within(1e-6));
    assertThat(previous.consumption().posKwh() - first.consumption().posKwh())
        .isCloseTo(integratedImportKwh, within(1e-6));
    assertThat(previous.consumption().negKwh() - first.consumption().negKwh())
        .isCloseTo(integratedExportKwh, within(1e-6));
    assertThat(integratedExportKwh).isPositive();
  }

  @Test
  void producesNothingAtNightAndMostAroundSolarNoon() {
    PvsModel model = new PvsModel(SOLAR_MIDNIGHT, 12);
    PvsModelSnapshot night = model.snapshot();
    assertThat(night.production().kw()).isZero();
    assertThat(night.consumption().kw()).isCloseTo(night.loadKw(), within(1e-9));
    assertThat(night.inverters()).allSatisfy(inverter -> assertThat(inverter.acKw()).isZero());

    model.advanceTo(SOLAR_MIDNIGHT.plus(Duration.ofHours(12)));
    PvsModelSnapshot noon = model.snapshot();
    assertThat(noon.production().kw()).isBetween(12 * 0.2, 12 * 0.36);
    assertThat(noon.consumption().kw()).isNegative();
    PvsModelInverter inverter = noon.inverters().get(0);
    assertThat(inverter.acVolts()).isBetween(230.0, 250.0);
    assertThat(inverter.dcVolts()).isBetween(50.0, 60.0);
    assertThat(inverter.dcKw()).isGreaterThan(inverter.acKw());
    assertThat(inverter.acAmps())
        .isCloseTo(inverter.acKw() * 1000 / inverter.acVolts(), within(1e-9));
    assertThat(inverter.heatsinkCelsius())
        .isGreaterThan(night.inverters().get(0).heatsinkCelsius() + 15);
    assertThat(noon.consumption().lineVolts())
        .isCloseTo(noon.consumption().leg1Volts() + noon.consumption().leg2Volts(), within(1e-9));
  }

  @Test
  void supervisorAndMeasurementsRefreshOnFiveMinuteBoundaries() {
    PvsModel model = new PvsModel(Instant.parse("2025-06-21T20:01:07Z"), 3);
    PvsModelSupervisor before = model.snapshot().supervisor();
    assertThat(before.measuredAt() % 300).isZero();

    model.advanceTo(Instant.parse("2025-06-21T20:04:59Z"));
    assertThat(model.snapshot().supervisor()).isEqualTo(before);
    assertThat(model.snapshot().time())
        .isEqualTo(Instant.parse("2025-06-21T20:04:45Z").getEpochSecond());

    model.advanceTo(Instant.parse("2025-06-21T20:11:00Z"));
    PvsModelSupervisor after = model.snapshot().supervisor();
    assertThat(after.measuredAt())
        .isEqualTo(Instant.parse("2025-06-21T20:10:00Z").getEpochSecond());
    assertThat(after.uptimeSeconds() - before.uptimeSeconds()).isEqualTo(600);
    assertThat(model.measurement().time()).isEqualTo(after.measuredAt());
    assertThat(model.snapshot().time())
        .isEqualTo(Instant.parse("2025-06-21T20:11:00Z").getEpochSecond());
  }

  @Test
  void isDeterministicAndSkipsLongGaps() {
    Instant start = Instant.parse("2025-06-21T12:00:00Z");
    PvsModel one = new PvsModel(start, 500);
    PvsModel two = new PvsModel(start, 500);
    one.advanceTo(start.plus(Duration.ofHours(3)));
    two.advanceTo(start.plus(Duration.ofHours(3)));
    assertThat(one.snapshot()).isEqualTo(two.snapshot());

    one.advanceTo(start.plus(Duration.ofDays(30)));
    assertThat(one.simulatedTime()).isEqualTo(start.plus(Duration.ofDays(30)));
    List<PvsModelInverter> inverters = one.snapshot().inverters();
    assertThat(inverters).hasSize(500);
  }
}
