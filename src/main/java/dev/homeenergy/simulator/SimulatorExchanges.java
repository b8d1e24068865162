package dev.homeenergy.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Sends, delays and holds the simulator's HTTP exchanges without blocking any server thread:
 * delayed answers and held (offline) exchanges wait on one scheduler, and {@link #close()} releases
 * every exchange still pending. Whoever removes an exchange from the pending map owns it, so an
 * exchange is completed exactly once even when closing races a scheduled answer.
 */
public final class SimulatorExchanges implements AutoCloseable {
  private static final long HOLD_CHECK_MILLIS = 20;

  private final BooleanSupplier offline;
  private final Duration maxHold;
  private final ScheduledExecutorService scheduler;

  /** Pending exchanges; the value is the real-time deadline (nanoTime) for held ones, else 0. */
  private final Map<HttpExchange, Long> pending = new ConcurrentHashMap<>();

  private final Map<HttpExchange, Boolean> held = new ConcurrentHashMap<>();

  /**
   * @param offline whether the unit is off the network now; held exchanges are released (closed
   *     without an answer) once it turns false
   * @param maxHold real time after which a held exchange is closed anyway
   */
  public SimulatorExchanges(BooleanSupplier offline, Duration maxHold, String threadName) {
    this.offline = offline;
    this.maxHold = maxHold;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, threadName);
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::releaseHeld, HOLD_CHECK_MILLIS, HOLD_CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Sends {@code response} now. */
  public void send(HttpExchange exchange, SimulatorResponse response) {
    write(exchange, response);
  }

  /** Sends {@code response} after {@code delay} of real time, unless closed first. */
  public void sendAfter(HttpExchange exchange, SimulatorResponse response, Duration delay) {
    pending.put(exchange, 0L);
    try {
      scheduler.schedule(
          () -> {
            if (pending.remove(exchange) != null) {
              write(exchange, response);
            }
          },
          delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RuntimeException rejected) {
      abandon(exchange);
    }
  }

  /** Never answers; closes the connection once the unit is back online or after the hold limit. */
  public void hold(HttpExchange exchange) {
    pending.put(exchange, System.nanoTime() + maxHold.toNanos());
    held.put(exchange, Boolean.TRUE);
  }

  /** Exchanges accepted but not yet answered or released. */
  public int pendingCount() {
    return pending.size();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    for (HttpExchange exchange : pending.keySet()) {
      abandon(exchange);
    }
  }

  private void releaseHeld() {
    if (held.isEmpty()) {
      return;
    }
    boolean stillOffline = offline.getAsBoolean();
    long now = System.nanoTime();
    for (HttpExchange exchange : held.keySet()) {
      Long deadline = pending.get(exchange);
      if (deadline == null) {
        held.remove(exchange);
      } else if (!stillOffline || now - deadline >= 0) {
        abandon(exchange);
      }
    }
  }

  /** Closes the connection without any answer, as a unit that fell off the network would. */
  private void abandon(HttpExchange exchange) {
    held.remove(exchange);
    if (pending.remove(exchange) != null) {
      exchange.close();
    }
  }

  private static void write(HttpExchange exchange, SimulatorResponse response) {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // The client hung up first (e.g. its own timeout); nothing left to answer.
    } finally {
      exchange.close();
    }
  }
}
