package dev.homeenergy.cli;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What every command needs from the outside world, injected so tests can run commands in-process:
 * the environment, the device families, the clock, how to wait for shutdown, and a hook told about
 * each exporter once it serves.
 *
 * @param env environment variables (for {@code ${VAR}} in configs and drop-in defaults)
 * @param families the device families
 * @param clock the time source
 * @param stop blocks until the process should stop
 * @param onServing receives each exporter once it is serving
 * @param stdin what the user types (a pasted sign-in redirect URL)
 * @param onHangup installs what a hangup signal (SIGHUP) runs from then on: the serving command's
 *     config reload; tests and embedders that send no signals ignore it
 */
public record CliContext(
    Map<String, String> env,
    Families families,
    Clock clock,
    StopSignal stop,
    Consumer<Exporter> onServing,
    java.io.BufferedReader stdin,
    Consumer<Runnable> onHangup) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** A context whose commands are never sent a hangup signal. */
  public CliContext(
      Map<String, String> env,
      Families families,
      Clock clock,
      StopSignal stop,
      Consumer<Exporter> onServing,
      java.io.BufferedReader stdin) {
    this(env, families, clock, stop, onServing, stdin, action -> {});
  }

  /** A context reading the process's standard input. */
  public CliContext(
      Map<String, String> env,
      Families families,
      Clock clock,
      StopSignal stop,
      Consumer<Exporter> onServing) {
    this(
        env,
        families,
        clock,
        stop,
        onServing,
        new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Waits until the process is asked to stop; told when the command has cleaned up. */
  public interface StopSignal {
    void await() throws InterruptedException;

    /** Called once the command has closed everything it started and stops cleanly. */
    default void stopped() {}

    /**
     * Returns when the JVM is shutting down (Ctrl-C, SIGTERM), and then holds the JVM until cleanup
     * (at most 5 s); a command that never waited (--help, check-config) exits at once. A JVM
     * stopped by a signal would exit 130 (SIGINT) or 143 (SIGTERM); once the command reports a
     * clean stop the process exits 0 instead, as a stop asked for is not a failure.
     */
    static StopSignal untilShutdown() {
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(1);
      java.util.concurrent.atomic.AtomicBoolean serving =
          new java.util.concurrent.atomic.AtomicBoolean();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.countDown();
                    if (!serving.get()) {
                      return;
                    }
                    try {
                      if (done.await(5, TimeUnit.SECONDS)) {
                        System.out.flush();
                        System.err.flush();
                        Runtime.getRuntime().halt(0);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "shutdown"));
      return new StopSignal() {
        @Override
        public void await() throws InterruptedException {
          serving.set(true);
          stop.await();
        }

        @Override
        public void stopped() {
          done.countDown();
        }
      };
    }
  }
}
