package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.device.tesla.VehicleSleepPolicy.Action;
import dev.homeenergy.device.tesla.VehicleSleepPolicy.Decision;
import dev.homeenergy.device.tesla.VehicleSleepPolicy.Settings;
import dev.homeenergy.device.tesla.VehicleSleepPolicy.Track;
import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VehicleSleepPolicyTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T18:00:00Z");
  private final VehicleSleepPolicy policy = new VehicleSleepPolicy(Settings.defaults());

  /** Follows the policy's own schedule for {@code duration}, the car staying parked and online. */
  private List<Instant> dataReadsWhileParked(Track track, Duration duration) {
    List<Instant> reads = new ArrayList<>();
    Instant end = clock.instant().plus(duration);
    while (clock.instant().isBefore(end)) {
      track.listed("online", clock.instant());
      Decision decision = policy.decide(track, false, clock.instant());
      if (decision.action() == Action.READ_DATA) {
        reads.add(clock.instant());
        track.read(false, clock.instant());
      }
      assertThat(decision.action()).isNotEqualTo(Action.WAKE);
      clock.advance(decision.nextPollIn());
    }
    return reads;
  }

  @Test
  void aParkedCarIsReadForFifteenMinutesThenLeftAloneLongEnoughToSleep() {
    Track track = new Track();
    List<Instant> reads = dataReadsWhileParked(track, Duration.ofMinutes(36));

    Instant start = Instant.parse("2026-11-24T18:00:00Z");
    assertThat(reads).first().isEqualTo(start);
    assertThat(reads).allMatch(t -> t.isBefore(start.plus(Duration.ofMinutes(15))));
    assertThat(reads).hasSize(3);
  }

  @Test
  void aCarLeftOnlineIsOnlyCheckedOnceAfterEachQuietSpell() {
    Track track = new Track();
    List<Instant> reads = dataReadsWhileParked(track, Duration.ofHours(3));
    for (int i = 1; i < reads.size(); i++) {
      Duration gap = Duration.between(reads.get(i - 1), reads.get(i));
      assertThat(gap.equals(Duration.ofMinutes(5)) || gap.compareTo(Duration.ofMinutes(21)) >= 0)
          .as("gap %s between reads", gap)
          .isTrue();
    }
    assertThat(reads.size()).isLessThan(3 + 3 * 6);
  }

  @Test
  void aDrivingCarIsReadEveryMinuteAndAChargingOneEveryTwo() {
    Track track = new Track();
    track.listed("online", clock.instant());
    track.read(true, clock.instant());
    assertThat(policy.decide(track, false, clock.instant()))
        .isEqualTo(new Decision(Action.READ_DATA, Duration.ofMinutes(1)));
    assertThat(policy.decide(track, true, clock.instant()))
        .isEqualTo(new Decision(Action.READ_DATA, Duration.ofMinutes(2)));
  }

  @Test
  void aSleepingCarIsOnlyListedAndNeverWokenByDefault() {
    Track track = new Track();
    for (int i = 0; i < 1_000; i++) {
      track.listed("asleep", clock.instant());
      Decision decision = policy.decide(track, false, clock.instant());
      assertThat(decision.action()).isEqualTo(Action.LIST_ONLY);
      clock.advance(decision.nextPollIn());
    }
    Track offline = new Track();
    offline.listed("offline", clock.instant());
    assertThat(policy.decide(offline, false, clock.instant()).action()).isEqualTo(Action.LIST_ONLY);
  }

  @Test
  void maxSleepWakesACarThatSleptLongerThanThat() {
    VehicleSleepPolicy waking =
        new VehicleSleepPolicy(
            new Settings(
                Duration.ofMinutes(1),
                Duration.ofMinutes(2),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(21),
                Duration.ofMinutes(5),
                false,
                Duration.ofHours(12)));
    Track track = new Track();
    track.listed("asleep", clock.instant());
    clock.advance(Duration.ofHours(11));
    assertThat(waking.decide(track, false, clock.instant()).action()).isEqualTo(Action.LIST_ONLY);
    clock.advance(Duration.ofHours(1));
    assertThat(waking.decide(track, false, clock.instant()).action()).isEqualTo(Action.WAKE);

    track.listed("online", clock.instant());
    assertThat(waking.decide(track, false, clock.instant()).action()).isEqualTo(Action.READ_DATA);
  }

  @Test
  void wakeOnPollWakesEverySleepingCar() {
    VehicleSleepPolicy always =
        new VehicleSleepPolicy(
            new Settings(
                Duration.ofMinutes(1),
                Duration.ofMinutes(2),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(21),
                Duration.ofMinutes(5),
                true,
                null));
    Track track = new Track();
    track.listed("asleep", clock.instant());
    assertThat(always.decide(track, false, clock.instant()).action()).isEqualTo(Action.WAKE);
  }

  @Test
  void aCarThatWakesByItselfIsReadAgain() {
    Track track = new Track();
    dataReadsWhileParked(track, Duration.ofMinutes(20));
    track.listed("asleep", clock.instant());
    clock.advance(Duration.ofHours(2));
    track.listed("online", clock.instant());
    assertThat(policy.decide(track, false, clock.instant()).action()).isEqualTo(Action.READ_DATA);
  }
}
