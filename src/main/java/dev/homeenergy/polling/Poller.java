package dev.homeenergy.polling;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.Reading;
import dev.homeenergy.core.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one device on its own schedule and publishes each outcome to the {@link SnapshotStore}.
 *
 * <p>A poll starts {@code interval} after the previous one started while the device answers, and
 * after a growing {@link Backoff} while it fails; the next poll is only scheduled once the previous
 * one has finished, so polls never overlap. The scheduler only hands a due poll to the workers, so
 * one scheduler thread serves every device; each poll runs on a worker thread, watched by another,
 * and is abandoned once {@code timeout} (plus a grace period) has passed, so even a device client
 * that ignores its deadline cannot stall the schedule.
 */
public final class Poller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  static final Duration GRACE = Duration.ofSeconds(1);

  private final DeviceConfig config;
  private final DeviceFamily family;
  private final Device device;
  private final SnapshotStore store;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final Backoff backoff;
  private final DoubleSupplier random;
  private final Object lifecycle = new Object();
  private ScheduledFuture<?> next;
  private boolean closed;
  private boolean paused;
  private boolean started;
  private boolean inFlight;
  private boolean phaseSpread;
  private volatile Duration requestedDelay;

  public Poller(
      DeviceConfig config,
      DeviceFamily family,
      Device device,
      SnapshotStore store,
      Clock clock,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      Backoff backoff,
      DoubleSupplier random) {
    this.config = config;
    this.family = family;
    this.device = device;
    this.store = store;
    this.clock = clock;
    this.scheduler = scheduler;
    this.workers = workers;
    this.backoff = backoff;
    this.random = random;
  }

  /**
   * Schedules a poll right away, unless polling is already under way (a poll scheduled or running);
   * after {@link #pause()} this resumes polling.
   */
  public void start() {
    synchronized (lifecycle) {
      paused = false;
      started = true;
      if (closed || inFlight || (next != null && !next.isDone())) {
        return;
      }
      next = scheduler.schedule(this::dispatch, 0, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Stops scheduling polls until {@link #start()} is called again (a poll under way finishes); the
   * device client stays open and the device's status stays in the store.
   */
  public void pause() {
    synchronized (lifecycle) {
      paused = true;
      if (next != null) {
        next.cancel(false);
      }
    }
  }

  /** Whether polls are being scheduled: started, not paused, not closed. */
  public boolean active() {
    synchronized (lifecycle) {
      return started && !closed && !paused;
    }
  }

  /** Polls once on the calling thread and publishes the outcome; returns the new status. */
  public DeviceStatus pollOnce() {
    long started = System.nanoTime();
    Future<Reading> future = workers.submit(device::poll);
    try {
      Reading reading = future.get(deadline().toNanos(), TimeUnit.NANOSECONDS);
      requestedDelay = reading.nextPollAfter().orElse(null);
      Samples samples = family.render(reading, config);
      return succeeded(started, samples, reading);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PollException pe) {
        requestedDelay = pe.retryAfter().orElse(null);
        return failed(started, pe.reason(), pe.getMessage(), null);
      }
      return failed(started, FailureReason.INTERNAL, "internal error: " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(
          started,
          FailureReason.TIMEOUT,
          "poll did not finish within " + deadline().toMillis() + " ms",
          null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return currentStatus();
    } catch (RuntimeException e) {
      return failed(started, FailureReason.INTERNAL, "internal error: " + e, e);
    }
  }

  /**
   * The device's status in the store; once a reload has removed the device, its initial status (a
   * closed poller publishes nothing more).
   */
  private DeviceStatus currentStatus() {
    return store.get(config.name()).orElseGet(() -> DeviceStatus.initial(config));
  }

  private Duration deadline() {
    return family.pollDeadline(config).plus(GRACE);
  }

  private DeviceStatus succeeded(long startedNanos, Samples samples, Reading reading) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    Instant now = clock.instant();
    List<EndpointFailure> endpointFailures = reading.endpointFailures();
    String summary = reading.summary().orElse(null);
    Highlights highlights = reading.highlights();
    DeviceStatus before;
    DeviceStatus after;
    synchronized (lifecycle) {
      if (closed) {
        return currentStatus();
      }
      before = store.get(config.name()).orElseThrow();
      after =
          store.update(
              config.name(),
              s -> s.succeeded(now, took, samples, endpointFailures, summary, highlights));
    }
    for (EndpointFailure failure : endpointFailures) {
      LOG.atDebug()
          .addKeyValue("device", config.name())
          .addKeyValue("endpoint", failure.endpoint())
          .addKeyValue("reason", failure.reason().label())
          .log(
              "device {}: endpoint {} skipped: {}",
              config.name(),
              failure.endpoint(),
              failure.message());
    }
    if (before.consecutiveFailures() > 0) {
      LOG.atInfo()
          .addKeyValue("device", config.name())
          .addKeyValue("failures", before.consecutiveFailures())
          .log("device {} answers again", config.name());
    } else if (before.lastAttempt() == null) {
      LOG.atInfo()
          .addKeyValue("device", config.name())
          .log("device {} answered its first poll", config.name());
    }
    return after;
  }

  private DeviceStatus failed(
      long startedNanos, FailureReason reason, String message, Throwable defect) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    Instant now = clock.instant();
    DeviceStatus before;
    DeviceStatus after;
    synchronized (lifecycle) {
      if (closed) {
        LOG.debug("device {}: poll ended by the stop: {}", config.name(), message);
        return currentStatus();
      }
      before = store.get(config.name()).orElseThrow();
      after = store.update(config.name(), s -> s.failed(now, took, reason, message));
    }
    if (defect != null) {
      LOG.error("device {}: poll failed with an exporter defect", config.name(), defect);
    } else if (before.consecutiveFailures() == 0) {
      LOG.atWarn()
          .addKeyValue("device", config.name())
          .addKeyValue("reason", reason.label())
          .log("device {} poll failed: {}", config.name(), message);
    } else {
      LOG.atDebug()
          .addKeyValue("device", config.name())
          .addKeyValue("reason", reason.label())
          .addKeyValue("failures", after.consecutiveFailures())
          .log("device {} still failing: {}", config.name(), message);
    }
    return after;
  }

  /**
   * On the scheduler: hands the due poll to a worker, so the scheduler thread never waits on a
   * device.
   */
  private void dispatch() {
    synchronized (lifecycle) {
      if (closed || paused) {
        return;
      }
      inFlight = true;
    }
    try {
      workers.execute(this::runAndReschedule);
    } catch (RejectedExecutionException e) {
      synchronized (lifecycle) {
        inFlight = false;
      }
    }
  }

  private void runAndReschedule() {
    DeviceStatus status = null;
    long started = System.nanoTime();
    try {
      status = pollOnce();
    } catch (Throwable t) {
      LOG.error("device {}: poller defect", config.name(), t);
      status = currentStatus();
    } finally {
      synchronized (lifecycle) {
        inFlight = false;
        if (status != null) {
          Duration delay = nextDelay(status, Duration.ofNanos(System.nanoTime() - started));
          if (!phaseSpread && status.up() && requestedDelay == null) {
            delay = spread(delay);
          }
          phaseSpread = true;
          schedule(delay);
        }
      }
    }
  }

  /**
   * The delay after the first successful poll, scaled by a random factor in [0.5, 1.5): every
   * device polls at once on start, for data on the first scrape, and then falls into its own phase
   * instead of every device polling (and holding a thread) in the same instant ever after. Later
   * polls keep the interval; a delay the device asked for is never shortened.
   */
  private Duration spread(Duration delay) {
    return Duration.ofNanos((long) (delay.toNanos() * (0.5 + random.getAsDouble())));
  }

  /**
   * The interval (less the time the poll took) after a success, the back-off after a failure; a
   * delay the device asked for replaces the interval, and a {@code Retry-After} lengthens the
   * back-off.
   */
  Duration nextDelay(DeviceStatus status, Duration elapsed) {
    Duration requested = requestedDelay;
    if (status.up()) {
      Duration delay = (requested != null ? requested : config.interval()).minus(elapsed);
      return delay.isNegative() ? Duration.ZERO : delay;
    }
    Duration delay =
        backoff.delayAfter(Math.max(1, status.consecutiveFailures()), random.getAsDouble());
    return requested != null && requested.compareTo(delay) > 0 ? requested : delay;
  }

  private void schedule(Duration delay) {
    synchronized (lifecycle) {
      if (closed || paused) {
        return;
      }
      next = scheduler.schedule(this::dispatch, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Stops polling and closes the device client; a poll still under way publishes nothing to the
   * store, so a device a reload restarted or removed is never written by its old poller.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      closed = true;
      if (next != null) {
        next.cancel(false);
      }
    }
    device.close();
  }
}
