package dev.homeenergy.polling;

import dev.homeenergy.core.MetricFamily;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a device only while Prometheus asks for it: the first probe of a target starts its poller,
 * and a poller no probe has asked for in {@code idleAfter} is paused until the next one. With a
 * fleet sharded across exporter instances, each instance thus polls only its own share.
 */
public final class OnDemandPolling implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnDemandPolling.class);

  static final String POLLED_NAME = "home_energy_exporter_probe_targets_polled";
  private static final MetricFamily POLLED =
      MetricFamily.gauge(
          POLLED_NAME,
          "Devices being polled because /probe asked for them within probe.idle_after (probe.on_demand is true).");

  private volatile Map<String, Poller> pollers;
  private final long idleAfterNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> lastAsked = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweeper;

  /**
   * @param pollers every device's poller, by device name, none of them started
   */
  public OnDemandPolling(
      Map<String, Poller> pollers,
      Duration idleAfter,
      ScheduledExecutorService scheduler,
      LongSupplier nanoTime) {
    this.pollers = Map.copyOf(pollers);
    this.idleAfterNanos = idleAfter.toNanos();
    this.nanoTime = nanoTime;
    long sweepEvery = Math.max(TimeUnit.SECONDS.toNanos(1), idleAfterNanos / 4);
    this.sweeper =
        scheduler.scheduleWithFixedDelay(
            this::pauseIdle, sweepEvery, sweepEvery, TimeUnit.NANOSECONDS);
  }

  /** A probe asked for {@code device}: poll it from now on. */
  public void asked(String device) {
    Poller poller = pollers.get(device);
    if (poller == null) {
      return;
    }
    Long previous = lastAsked.put(device, nanoTime.getAsLong());
    if (previous == null || !poller.active()) {
      LOG.info("device {}: probed, polling it while probes ask for it", device);
      poller.start();
    }
  }

  /**
   * After a config reload: polls the devices of {@code newPollers} on demand from now on. A device
   * that is gone is forgotten; a device whose poller was replaced keeps the time it was last asked
   * for, and its new poller starts at once if the old one was polling.
   */
  public void replacePollers(Map<String, Poller> newPollers) {
    Map<String, Poller> old = pollers;
    pollers = Map.copyOf(newPollers);
    lastAsked.keySet().retainAll(newPollers.keySet());
    newPollers.forEach(
        (device, poller) -> {
          Poller before = old.get(device);
          if (before != null && before != poller && lastAsked.containsKey(device)) {
            poller.start();
          }
        });
  }

  /** {@value #POLLED_NAME}, for the telemetry path. */
  public MultiCollector metric() {
    return () -> {
      SnapshotBuilder families = new SnapshotBuilder();
      families.add(POLLED, Labels.EMPTY, activeTargets());
      return families.build();
    };
  }

  /** How many devices are being polled because probes asked for them. */
  public int activeTargets() {
    return (int) pollers.values().stream().filter(Poller::active).count();
  }

  void pauseIdle() {
    long now = nanoTime.getAsLong();
    lastAsked.forEach(
        (device, at) -> {
          if (now - at >= idleAfterNanos && lastAsked.remove(device, at)) {
            LOG.info(
                "device {}: no probe for {}, polling paused until the next one",
                device,
                Duration.ofNanos(idleAfterNanos));
            Poller poller = pollers.get(device);
            if (poller != null) {
              poller.pause();
            }
          }
        });
  }

  @Override
  public void close() {
    sweeper.cancel(false);
  }
}
