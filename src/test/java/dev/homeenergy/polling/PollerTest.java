package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.Sample;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.LogCapture;
import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final FakeFamily family = new FakeFamily();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private Poller poller(DeviceConfig device, SnapshotStore store) {
    return new Poller(
        device,
        family,
        family.create(device, SharedHttp.unshared(clock, store.raw(device.name()), null)),
        store,
        clock,
        scheduler,
        workers,
        Backoff.forInterval(device.interval()),
        () -> 0.5);
  }

  private static DeviceConfig device(String name) {
    return FakeFamily.device(
        name, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(50));
  }

  @Test
  void aPollStillRunningWhenItsPollerIsClosedPublishesNothing() throws Exception {
    DeviceConfig device =
        FakeFamily.device(
            "a", Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(50));
    SnapshotStore store = new SnapshotStore(List.of(device));
    family.set("a", new FakeFamily.Hang(Duration.ofMillis(300)));
    Poller old = poller(device, store);
    java.util.concurrent.Future<DeviceStatus> inFlight = workers.submit(old::pollOnce);
    await().atMost(Duration.ofSeconds(30)).until(() -> family.polls("a") == 1);

    old.close();
    DeviceConfig changed = device.withNaming(dev.homeenergy.config.NamingStyle.COMPAT);
    store.replaceDevices(List.of(changed), java.util.Map.of());
    inFlight.get(30, java.util.concurrent.TimeUnit.SECONDS);

    DeviceStatus status = store.get("a").orElseThrow();
    assertThat(status.config()).isEqualTo(changed);
    assertThat(status.polls()).isZero();
  }

  @Test
  void aSuccessfulPollPublishesSamplesAndHealth() {
    DeviceConfig device = device("a");
    SnapshotStore store = new SnapshotStore(List.of(device));
    family.set("a", new FakeFamily.Answer(230));

    DeviceStatus status = poller(device, store).pollOnce();

    assertThat(status.up()).isTrue();
    assertThat(status.polls()).isEqualTo(1);
    assertThat(status.lastSuccess()).isEqualTo(clock.instant());
    assertThat(status.samples().list())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.family().name()).isEqualTo("fake_power_watts");
              assertThat(s.value()).isEqualTo(230);
            });
    assertThat(store.raw("a").latest()).extracting(RawExchange::endpoint).containsExactly("status");
    assertThat(status.highlights().solarWatts()).isEqualTo(230);
  }

  @Test
  void aFailureCountsItsReasonAndKeepsTheLastGoodSamples() {
    DeviceConfig device = device("a");
    SnapshotStore store = new SnapshotStore(List.of(device));
    Poller poller = poller(device, store);
    family.set("a", new FakeFamily.Answer(100));
    poller.pollOnce();

    family.set(
        "a", new FakeFamily.Fail(new PollException(FailureReason.HTTP_STATUS, "vitals: HTTP 500")));
    DeviceStatus status = poller.pollOnce();

    assertThat(status.up()).isFalse();
    assertThat(status.errors())
        .containsEntry(FailureReason.HTTP_STATUS, 1L)
        .containsEntry(FailureReason.TIMEOUT, 0L);
    assertThat(status.lastError()).isEqualTo("vitals: HTTP 500");
    assertThat(status.consecutiveFailures()).isEqualTo(1);
    assertThat(status.samples().list()).extracting(Sample::value).containsExactly(100.0);
    assertThat(status.highlights().solarWatts()).isEqualTo(100);

    family.set("a", new FakeFamily.Answer(101));
    DeviceStatus recovered = poller.pollOnce();
    assertThat(recovered.up()).isTrue();
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(recovered.errors()).containsEntry(FailureReason.HTTP_STATUS, 1L);
    assertThat(recovered.polls()).isEqualTo(3);
  }

  @Test
  void aDeviceThatIgnoresItsDeadlineIsAbandonedAsATimeout() {
    DeviceConfig device = device("slow");
    SnapshotStore store = new SnapshotStore(List.of(device));
    family.set("slow", new FakeFamily.Hang(Duration.ofSeconds(30)));

    long started = System.nanoTime();
    DeviceStatus status = poller(device, store).pollOnce();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(status.up()).isFalse();
    assertThat(status.errors()).containsEntry(FailureReason.TIMEOUT, 1L);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aDefectInTheClientIsCountedAsInternalNotThrown() {
    DeviceConfig device = device("buggy");
    SnapshotStore store = new SnapshotStore(List.of(device));
    family.set("buggy", new FakeFamily.Defect(new IllegalStateException("boom")));

    DeviceStatus status = poller(device, store).pollOnce();

    assertThat(status.up()).isFalse();
    assertThat(status.errors()).containsEntry(FailureReason.INTERNAL, 1L);
    assertThat(status.lastError()).contains("boom");
  }

  @Test
  void aPollCutShortByTheStopIsNoDefect() {
    DeviceConfig device = device("stopping");
    SnapshotStore store = new SnapshotStore(List.of(device));
    family.set(
        "stopping",
        new FakeFamily.Defect(new java.util.concurrent.RejectedExecutionException("shut down")));
    Poller poller = poller(device, store);
    poller.close();

    try (LogCapture log = LogCapture.start()) {
      poller.pollOnce();

      assertThat(log.events()).noneMatch(line -> line.startsWith("ERROR"));
    }
  }

  @Test
  void pollsRepeatOnTheScheduleUntilClosed() {
    DeviceConfig device =
        FakeFamily.device(
            "fast", Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(1));
    SnapshotStore store = new SnapshotStore(List.of(device));
    Poller poller = poller(device, store);
    poller.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> family.polls("fast") >= 3);
    poller.close();
    int afterClose = family.polls("fast");
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(1))
        .until(() -> family.polls("fast") <= afterClose + 1);
    assertThat(store.get("fast").orElseThrow().up()).isTrue();
  }

  @Test
  void aHangingDeviceDoesNotHoldUpTheOthersOnTheOneSchedulerThread() {
    DeviceConfig hanging =
        FakeFamily.device(
            "hanging", Duration.ofMillis(20), Duration.ofSeconds(20), Duration.ofSeconds(1));
    DeviceConfig fast =
        FakeFamily.device(
            "fast", Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(1));
    SnapshotStore store = new SnapshotStore(List.of(hanging, fast));
    family.set("hanging", new FakeFamily.Hang(Duration.ofSeconds(30)));
    Poller stuck = poller(hanging, store);
    Poller answering = poller(fast, store);
    stuck.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> family.polls("hanging") >= 1);
    answering.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> family.polls("fast") >= 5);
    assertThat(family.polls("hanging")).isEqualTo(1);
    stuck.close();
    answering.close();
  }

  @Test
  void aDeviceMayAskForItsNextPollSoonerOrLater() {
    DeviceConfig device = device("car");
    SnapshotStore store = new SnapshotStore(List.of(device));
    Poller poller = poller(device, store);

    family.set("car", new FakeFamily.Answer(1, Duration.ofMinutes(21)));
    DeviceStatus parked = poller.pollOnce();
    assertThat(poller.nextDelay(parked, Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMinutes(21).minusSeconds(1));

    family.set("car", new FakeFamily.Answer(1));
    DeviceStatus normal = poller.pollOnce();
    assertThat(poller.nextDelay(normal, Duration.ZERO)).isEqualTo(device.interval());
  }

  @Test
  void aRetryAfterLongerThanTheBackOffIsHonoured() {
    DeviceConfig device = device("api");
    SnapshotStore store = new SnapshotStore(List.of(device));
    Poller poller = poller(device, store);

    family.set(
        "api",
        new FakeFamily.Fail(
            new PollException(FailureReason.RATE_LIMITED, "HTTP 429", 429, Duration.ofHours(2))));
    DeviceStatus limited = poller.pollOnce();
    assertThat(limited.errors()).containsEntry(FailureReason.RATE_LIMITED, 1L);
    assertThat(poller.nextDelay(limited, Duration.ZERO)).isEqualTo(Duration.ofHours(2));

    family.set("api", new FakeFamily.Fail(new PollException(FailureReason.TIMEOUT, "slow")));
    DeviceStatus slow = poller.pollOnce();
    assertThat(poller.nextDelay(slow, Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
  }

  /** A scheduler that remembers every delay it was asked for. */
  private static final class RecordingScheduler
      extends java.util.concurrent.ScheduledThreadPoolExecutor {
    final List<Duration> delays = new java.util.concurrent.CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public java.util.concurrent.ScheduledFuture<?> schedule(
        Runnable task, long delay, java.util.concurrent.TimeUnit unit) {
      delays.add(Duration.ofNanos(unit.toNanos(delay)));
      return super.schedule(task, delay, unit);
    }
  }

  /**
   * Starts a device polled every 2 s whose phase spread draws its lowest factor (0.5), and returns
   * the first {@code count} delays it asked the scheduler for.
   */
  private List<Duration> firstDelays(String name, int count) {
    DeviceConfig device =
        FakeFamily.device(
            name, Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(10));
    SnapshotStore store = new SnapshotStore(List.of(device));
    RecordingScheduler recording = new RecordingScheduler();
    try {
      Poller poller =
          new Poller(
              device,
              family,
              family.create(device, SharedHttp.unshared(clock, store.raw(name), null)),
              store,
              clock,
              recording,
              workers,
              Backoff.forInterval(device.interval()),
              () -> 0.0);
      poller.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> recording.delays.size() >= count);
      poller.close();
      return List.copyOf(recording.delays.subList(0, count));
    } finally {
      recording.shutdownNow();
    }
  }

  @Test
  void theFirstPollIsAtOnceAndTheSecondIsSpreadOverTheIntervalThenRegular() {
    List<Duration> delays = firstDelays("wc", 3);

    assertThat(delays.get(0)).isZero();
    assertThat(delays.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(1)).isPositive();
    assertThat(delays.get(2))
        .isGreaterThan(Duration.ofSeconds(1))
        .isLessThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aDelayTheDeviceAskedForIsNotSpread() {
    family.set("car", new FakeFamily.Answer(1, Duration.ofMillis(1500)));

    List<Duration> delays = firstDelays("car", 2);

    assertThat(delays.get(1))
        .isGreaterThan(Duration.ofMillis(750))
        .isLessThanOrEqualTo(Duration.ofMillis(1500));
  }
}
