package dev.homeenergy.web;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads the JDK server runs its exchanges on, with a deadline per exchange.
 *
 * <p>The JDK server runs the TLS handshake, the read of a request's head and the write of its
 * answer with blocking I/O on the executor's threads, so a slow client holds a thread for as long
 * as it likes and a fixed handful of threads is frozen by a handful of slow clients. Here a thread
 * is made when an exchange finds none idle, up to a cap well above the number of slow clients the
 * exporter must stand, and idle threads but one end after a while (a held thread costs about 200 KB
 * of stack and NIO buffer outside the heap). An exchange still running at its deadline has its
 * thread interrupted: the JDK's socket channels close when a thread blocked on them is interrupted,
 * so the connection is cut and the thread freed. Past the cap, the server closes a new connection
 * at once rather than queue it behind slow ones.
 */
final class ExchangeThreads implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeThreads.class);

  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor deadlines;
  private final Duration deadline;

  /**
   * @param maxThreads how many exchanges may run at once
   * @param deadline how long one exchange may run before its connection is closed
   * @param keepAlive how long an idle thread (but one) waits for another exchange before it ends
   */
  ExchangeThreads(int maxThreads, Duration deadline, Duration keepAlive) {
    this.deadline = deadline;
    this.pool =
        new ThreadPoolExecutor(
            1,
            maxThreads,
            keepAlive.toNanos(),
            TimeUnit.NANOSECONDS,
            new SynchronousQueue<>(),
            daemonThreads("http-"));
    this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("http-deadlines-"));
    deadlines.setRemoveOnCancelPolicy(true);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs one exchange of the JDK server; when every thread is taken this throws {@link
   * RejectedExecutionException}, on which the server closes that connection.
   */
  @Override
  public void execute(Runnable exchange) {
    try {
      pool.execute(() -> runWithDeadline(exchange));
    } catch (RejectedExecutionException e) {
      LOG.debug("all {} HTTP threads busy; a new connection is closed", pool.getMaximumPoolSize());
      throw e;
    }
  }

  private void runWithDeadline(Runnable exchange) {
    Watch watch = new Watch(Thread.currentThread());
    ScheduledFuture<?> timer =
        deadlines.schedule(watch::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
    try {
      exchange.run();
    } finally {
      watch.finish();
      timer.cancel(false);
      Thread.interrupted();
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One exchange's thread, interrupted at the deadline unless the exchange finished first. */
  private static final class Watch {
    private final Thread thread;
    private boolean finished;

    Watch(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (!finished) {
        LOG.debug("an HTTP exchange ran past its deadline; its connection is closed");
        thread.interrupt();
      }
    }

    synchronized void finish() {
      finished = true;
    }
  }
}
