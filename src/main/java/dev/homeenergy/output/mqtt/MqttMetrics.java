package dev.homeenergy.output.mqtt;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.polling.SnapshotBuilder;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MQTT output's own metrics: publishes by result and whether the broker is connected, so that a
 * broker that is down or refuses the exporter shows on {@code /metrics}.
 */
final class MqttMetrics {
  static final MetricFamily PUBLISHES =
      MetricFamily.counter(
          "home_energy_exporter_mqtt_publishes",
          "MQTT messages by result: published (accepted by the broker), failed (the broker did not"
              + " accept it in time or the connection broke), dropped (not sent: the broker was"
              + " not connected or the queue was full).");
  static final MetricFamily CONNECTED =
      MetricFamily.gauge(
          "home_energy_exporter_mqtt_connected", "1 while connected to the MQTT broker.");

  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean connected;

  void published() {
    published.incrementAndGet();
  }

  void failed() {
    failed.incrementAndGet();
  }

  void dropped() {
    dropped.incrementAndGet();
  }

  void connected(boolean now) {
    connected = now;
  }

  MultiCollector collector() {
    return () -> {
      SnapshotBuilder families = new SnapshotBuilder();
      families.add(PUBLISHES, Labels.of("result", "published"), published.get());
      families.add(PUBLISHES, Labels.of("result", "failed"), failed.get());
      families.add(PUBLISHES, Labels.of("result", "dropped"), dropped.get());
      families.add(CONNECTED, Labels.EMPTY, connected ? 1 : 0);
      return families.build();
    };
  }
}
