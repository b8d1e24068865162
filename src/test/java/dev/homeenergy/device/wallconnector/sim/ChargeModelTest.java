package dev.homeenergy.device.wallconnector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeModelTest {
  private static final Instant START = Instant.parse("2025-12-23T02:54:15Z");

  private final ChargeModelTimings timings = ChargeModelTimings.defaults();

  /** Steps a model one second at a time and records what it reports after each step. */
  private static List<ChargeModelSnapshot> walk(ChargeModel model, long seconds) {
    List<ChargeModelSnapshot> snapshots = new ArrayList<>();
    Instant at = model.simulatedTime();
    for (long i = 1; i <= seconds; i++) {
      model.advanceTo(at.plusSeconds(i));
      snapshots.add(model.snapshot());
    }
    return snapshots;
  }

  private static int firstIndex(List<ChargeModelSnapshot> snapshots, int from, int evseState) {
    for (int i = from; i < snapshots.size(); i++) {
      if (snapshots.get(i).vitals().evseState() == evseState) {
        return i;
      }
    }
    throw new AssertionError("evse_state " + evseState + " not reached after index " + from);
  }

  @Test
  void chargingCycleWalksTheObservedStateSequence() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> cycle = walk(model, timings.cycleSeconds() + 10);

    List<Integer> states = new ArrayList<>();
    for (ChargeModelSnapshot s : cycle) {
      int state = s.vitals().evseState();
      if (states.isEmpty() || states.get(states.size() - 1) != state) {
        states.add(state);
      }
    }
    assertThat(states).containsExactly(1, 7, 9, 11, 9, 7, 1);
  }

  @Test
  void plugInHandshakeMatchesTheRealTrace() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> cycle = walk(model, timings.cycleSeconds());
    int plugIn = firstIndex(cycle, 0, 7);

    ChargeModelVitals first = cycle.get(plugIn).vitals();
    assertThat(first.vehicleConnected()).isTrue();
    assertThat(first.sessionS()).isEqualTo(1);
    assertThat(first.sessionEnergyWh()).isZero();
    assertThat(first.evseNotReadyReasons()).containsExactly(4);
    assertThat(cycle.get(plugIn - 1).vitals().evseNotReadyReasons()).containsExactly(4, 8);

    ChargeModelVitals waiting = cycle.get(plugIn + 10).vitals();
    assertThat(waiting.evseState()).isEqualTo(9);
    assertThat(waiting.evseNotReadyReasons()).containsExactly(1);
    assertThat(waiting.contactorClosed()).isFalse();

    int closed = firstIndex(cycle, plugIn, 11);
    ChargeModelVitals closing = cycle.get(closed).vitals();
    assertThat(closing.sessionS()).isEqualTo(timings.contactorCloseAtSessionS());
    assertThat(closing.contactorClosed()).isTrue();
    assertThat(closing.relayCoilV()).isBetween(5.7, 5.8);
    assertThat(closing.vehicleCurrentA()).isEqualTo(0.4);
  }

  @Test
  void fullCurrentChargeIsSplitPhaseOnLineB() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> cycle = walk(model, timings.cycleSeconds());
    int closed = firstIndex(cycle, 0, 11);
    int rampSeconds = timings.rampDelaySeconds() + timings.rampSeconds();

    ChargeModelVitals ramping = cycle.get(closed + rampSeconds / 2).vitals();
    assertThat(ramping.vehicleCurrentA()).isBetween(5.0, 35.0);

    ChargeModelVitals full = cycle.get(closed + rampSeconds + 5).vitals();
    assertThat(full.vehicleCurrentA()).isCloseTo(40.0, within(0.11));
    assertThat(full.currentBA()).isEqualTo(full.vehicleCurrentA());
    assertThat(full.currentAA()).isZero();
    assertThat(full.currentCA()).isZero();
    assertThat(full.currentNA()).isIn(0.0, full.vehicleCurrentA());
    assertThat(full.voltageAV()).isCloseTo(118.7, within(1.0));
    assertThat(full.voltageBV()).isCloseTo(246.5, within(1.5));
    assertThat(full.voltageCV()).isCloseTo(118.5, within(1.0));
    assertThat(full.gridV()).isCloseTo(252.4, within(1.5));
    assertThat(full.gridV()).isGreaterThan(full.voltageBV());
  }

  @Test
  void sessionEnergyIntegratesLinePowerEverySecond() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> cycle = walk(model, timings.cycleSeconds());
    int from = firstIndex(cycle, 0, 11) + timings.rampDelaySeconds() + timings.rampSeconds() + 1;
    int seconds = 600;

    double expectedWh = 0;
    for (int i = from + 1; i <= from + seconds; i++) {
      expectedWh += cycle.get(i).vitals().linePowerW() / 3600.0;
    }
    double deltaWh =
        cycle.get(from + seconds).vitals().sessionEnergyWh()
            - cycle.get(from).vitals().sessionEnergyWh();

    assertThat(deltaWh).isCloseTo(expectedWh, within(0.01));
    // 40 A at about 246.5 V is about 9.86 kW, as on the real unit (5.5 Wh per 2 s).
    assertThat(deltaWh).isCloseTo(40 * 246.5 * seconds / 3600.0, within(30.0));
  }

  @Test
  void unplugKeepsSessionEnergyAndNextPlugInResetsIt() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> twoCycles = walk(model, 2L * timings.cycleSeconds() + 10);
    int charging = firstIndex(twoCycles, 0, 11);
    int unplugged = firstIndex(twoCycles, charging, 1);

    ChargeModelVitals lastPlugged = twoCycles.get(unplugged - 1).vitals();
    ChargeModelVitals justUnplugged = twoCycles.get(unplugged).vitals();
    assertThat(lastPlugged.evseNotReadyReasons()).containsExactly(3);
    assertThat(lastPlugged.proxV()).isEqualTo(2.7);
    assertThat(justUnplugged.vehicleConnected()).isFalse();
    assertThat(justUnplugged.sessionS()).isZero();
    assertThat(justUnplugged.sessionEnergyWh())
        .isGreaterThan(3000)
        .isEqualTo(lastPlugged.sessionEnergyWh());
    assertThat(justUnplugged.evseNotReadyReasons()).containsExactly(8);
    assertThat(twoCycles.get(unplugged + 5).vitals().evseNotReadyReasons()).containsExactly(4, 8);
    assertThat(twoCycles.get(unplugged + 100).vitals().sessionEnergyWh())
        .isEqualTo(lastPlugged.sessionEnergyWh());

    int nextPlugIn = firstIndex(twoCycles, unplugged, 7);
    assertThat(twoCycles.get(nextPlugIn).vitals().sessionS()).isEqualTo(1);
    assertThat(twoCycles.get(nextPlugIn).vitals().sessionEnergyWh()).isZero();
  }

  @Test
  void lifetimeCountersFollowTheSessions() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    walk(model, 1);
    ChargeModelLifetime before = model.snapshot().lifetime();
    double startEnergyWh = before.energyWh();

    double sessionsWh = 0;
    for (int cycle = 1; cycle <= 3; cycle++) {
      List<ChargeModelSnapshot> snapshots = walk(model, timings.cycleSeconds());
      int unplugged = firstIndex(snapshots, firstIndex(snapshots, 0, 11), 1);
      sessionsWh += snapshots.get(unplugged).vitals().sessionEnergyWh();
      ChargeModelLifetime after = model.snapshot().lifetime();

      assertThat(after.chargeStarts()).isEqualTo(before.chargeStarts() + cycle);
      assertThat(after.contactorCycles()).isEqualTo(before.contactorCycles() + cycle);
      assertThat(after.connectorCycles()).isEqualTo(before.connectorCycles() + cycle);
      assertThat(after.chargingTimeS())
          .isEqualTo(before.chargingTimeS() + (long) cycle * timings.chargeSeconds());
      assertThat(after.energyWh()).isCloseTo(startEnergyWh + sessionsWh, within(1e-6));
      assertThat(after.printedEnergyWh()).isEqualTo(Math.round(startEnergyWh + sessionsWh));
      assertThat(after.uptimeS())
          .isEqualTo(before.uptimeS() + (long) cycle * timings.cycleSeconds());
    }
  }

  @Test
  void temperaturesRiseWhileChargingAndFallAfterwards() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    List<ChargeModelSnapshot> cycles = walk(model, 2L * timings.cycleSeconds());
    int closed = firstIndex(cycles, 0, 11);
    int stopped = firstIndex(cycles, closed, 9);
    int closedAgain = firstIndex(cycles, stopped, 11);
    ChargeModelVitals idle = cycles.get(closed - 1).vitals();
    ChargeModelVitals endOfCharge = cycles.get(stopped - 1).vitals();
    ChargeModelVitals cooled = cycles.get(closedAgain - 1).vitals();

    assertThat(endOfCharge.handleTempC()).isGreaterThan(idle.handleTempC() + 6);
    assertThat(endOfCharge.pcbaTempC()).isGreaterThan(idle.pcbaTempC() + 1);
    assertThat(endOfCharge.mcuTempC()).isGreaterThan(idle.mcuTempC() + 1);
    assertThat(endOfCharge.inputThermopileUv()).isLessThan(idle.inputThermopileUv() - 200);
    assertThat(cooled.handleTempC()).isLessThan(endOfCharge.handleTempC() - 2);
    assertThat(cooled.inputThermopileUv()).isGreaterThan(endOfCharge.inputThermopileUv() + 100);
  }

  @Test
  void idleScenarioStaysUnpluggedWithPhantomReadings() {
    ChargeModel model = new ChargeModel(Scenario.IDLE, START);
    List<ChargeModelSnapshot> hour = walk(model, 3600);

    assertThat(hour)
        .allSatisfy(
            s -> {
              ChargeModelVitals v = s.vitals();
              assertThat(v.evseState()).isEqualTo(1);
              assertThat(v.evseNotReadyReasons()).containsExactly(4, 8);
              assertThat(v.sessionS()).isZero();
              assertThat(v.sessionEnergyWh()).isEqualTo(55.6);
              assertThat(v.vehicleCurrentA()).isEqualTo(0.3);
              assertThat(v.voltageBV()).isEqualTo(5.4);
              assertThat(v.gridV()).isBetween(252.5, 255.0);
              assertThat(v.gridHz()).isBetween(59.80, 59.92);
            });
    assertThat(hour.stream().mapToDouble(s -> s.vitals().gridV()).distinct().count())
        .isGreaterThan(100);
    assertThat(hour.get(3599).lifetime().energyWh()).isEqualTo(hour.get(0).lifetime().energyWh());
  }

  @Test
  void sameTimeGivesSameReadingsHoweverItIsStepped() {
    ChargeModel stepped = new ChargeModel(Scenario.CHARGING, START);
    walk(stepped, 2000);
    ChargeModel jumped = new ChargeModel(Scenario.CHARGING, START);
    jumped.advanceTo(START.plusSeconds(2000));

    assertThat(jumped.snapshot()).isEqualTo(stepped.snapshot());
  }

  @Test
  void longGapsAreSkippedButUptimeKeepsCounting() {
    ChargeModel model = new ChargeModel(Scenario.CHARGING, START);
    long before = model.snapshot().lifetime().uptimeS();
    Duration gap = Duration.ofDays(30);

    model.advanceTo(START.plus(gap));

    assertThat(model.simulatedTime()).isEqualTo(START.plus(gap));
    assertThat(model.snapshot().lifetime().uptimeS()).isEqualTo(before + gap.getSeconds());
  }

  @Test
  void flakyScenarioIsOfflineThirtySecondsOfEveryTwoMinutes() {
    ChargeModel flaky = new ChargeModel(Scenario.FLAKY, START);
    ChargeModel idle = new ChargeModel(Scenario.IDLE, START);

    assertThat(flaky.inOutage(START.plusSeconds(89))).isFalse();
    assertThat(flaky.inOutage(START.plusSeconds(90))).isTrue();
    assertThat(flaky.inOutage(START.plusSeconds(119))).isTrue();
    assertThat(flaky.inOutage(START.plusSeconds(120))).isFalse();
    assertThat(flaky.inOutage(START.plusSeconds(215))).isTrue();
    assertThat(idle.inOutage(START.plusSeconds(100))).isFalse();
  }
}
