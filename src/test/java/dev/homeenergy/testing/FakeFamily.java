package dev.homeenergy.testing;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Namings;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.Reading;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device family whose devices do whatever the test scripts per device name: answer with a value,
 * throw a {@link PollException}, throw a defect, or hang past their deadline.
 */
public final class FakeFamily implements DeviceFamily {
  public static final String TYPE = "fake";
  public static final MetricFamily WATTS =
      MetricFamily.gauge("fake_power_watts", "watts", "Fake power.");

  /** What a fake device does on its next polls. */
  public sealed interface Behaviour {}

  public record Answer(double watts, Duration nextPollAfter) implements Behaviour {
    public Answer(double watts) {
      this(watts, null);
    }
  }

  public record Fail(PollException error) implements Behaviour {}

  public record Defect(RuntimeException error) implements Behaviour {}

  public record Hang(Duration howLong) implements Behaviour {}

  record FakeReading(double watts, Duration next) implements Reading {
    @Override
    public java.util.Optional<Duration> nextPollAfter() {
      return java.util.Optional.ofNullable(next);
    }

    @Override
    public dev.homeenergy.core.Highlights highlights() {
      return dev.homeenergy.core.Highlights.builder().solarWatts(watts).build();
    }
  }

  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

  public void set(String device, Behaviour behaviour) {
    behaviours.put(device, behaviour);
  }

  public int polls(String device) {
    return polls.computeIfAbsent(device, d -> new AtomicInteger()).get();
  }

  /** Polls of every device together. */
  public int pollsTotal() {
    return polls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public static DeviceConfig device(
      String name, Duration interval, Duration timeout, Duration staleAfter) {
    return new DeviceConfig(
        name,
        TYPE,
        java.net.URI.create("http://127.0.0.1:9"),
        interval,
        timeout,
        staleAfter,
        dev.homeenergy.config.NamingStyle.NATIVE,
        Map.of());
  }

  @Override
  public DeviceTypeSpec spec() {
    return DeviceTypeSpec.builder(TYPE)
        .interval(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public String displayName() {
    return "Fake device";
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return () -> {
      polls.computeIfAbsent(config.name(), d -> new AtomicInteger()).incrementAndGet();
      Behaviour behaviour = behaviours.getOrDefault(config.name(), new Answer(1));
      context
          .raw()
          .record(
              new RawExchange(
                  "status",
                  config.address() + "/status",
                  200,
                  Instant.now(),
                  Duration.ZERO,
                  "{\"watts\":1}",
                  null));
      if (behaviour instanceof Answer a) {
        return new FakeReading(a.watts(), a.nextPollAfter());
      }
      if (behaviour instanceof Fail f) {
        throw f.error();
      }
      if (behaviour instanceof Defect d) {
        throw d.error();
      }
      Hang hang = (Hang) behaviour;
      try {
        Thread.sleep(hang.howLong().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new FakeReading(-1, null);
    };
  }

  @Override
  public Namings<FakeReading> namings() {
    Naming<FakeReading> naming =
        (reading, device, out) -> out.add(WATTS, Labels.of("device", device), reading.watts());
    return Namings.of(FakeReading.class, config -> naming, config -> naming);
  }
}
