package dev.homeenergy.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads the JDK server runs its exchanges on, with a deadline per exchange.
 *
 * <p>The JDK server runs the TLS handshake, the read of a request's head and the write of its
 * answer with blocking I/O on the executor's threads, so a slow client holds a thread for as long
 * as it likes and a fixed handful of threads is frozen by a handful of slow clients. Here a few
 * core threads take exchanges from a queue, which keeps well-behaved load on few threads (many
 * threads on few cores only lengthen the tail of scrape latency). When the oldest queued exchange
 * has waited longer than {@link #STALL}, the core threads are taken by something slow, and one
 * extra thread is made per queued exchange, up to a cap well above the number of slow clients the
 * exporter must stand; extra threads end after a while without work (a held thread costs about 200
 * KB of stack and NIO buffer outside the heap). An exchange still running at its deadline has its
 * thread interrupted: the JDK's socket channels close when a thread blocked on them is interrupted,
 * so the connection is cut and the thread freed. With every thread up to the cap busy, the server
 * closes a new connection at once rather than queue it behind slow ones.
 */
final class ExchangeThreads implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeThreads.class);

  /** How long a queued exchange may wait before extra threads are made. */
  static final Duration STALL = Duration.ofMillis(20);

  private static final int CORE_THREADS = 4;

  private final int maxThreads;
  private final int coreThreads;
  private final long deadlineNanos;
  private final long keepAliveNanos;
  private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final Set<Watch> running = ConcurrentHashMap.newKeySet();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger idle = new AtomicInteger();
  private final AtomicBoolean stallCheckPending = new AtomicBoolean();
  private final ScheduledThreadPoolExecutor watch;
  private final ThreadFactory workerThreads = daemonThreads("http-");
  private volatile boolean closed;

  private record Queued(Runnable exchange, long queuedAtNanos) {}

  /**
   * @param maxThreads how many exchanges may run at once
   * @param deadline how long one exchange may run before its connection is closed
   * @param keepAlive how long an extra thread waits for another exchange before it ends
   */
  ExchangeThreads(int maxThreads, Duration deadline, Duration keepAlive) {
    this.maxThreads = maxThreads;
    this.coreThreads = Math.min(CORE_THREADS, maxThreads);
    this.deadlineNanos = deadline.toNanos();
    this.keepAliveNanos = keepAlive.toNanos();
    this.watch = new ScheduledThreadPoolExecutor(1, daemonThreads("http-watch-"));
    watch.setRemoveOnCancelPolicy(true);
    long scanNanos = Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(1, deadlineNanos / 4));
    watch.scheduleAtFixedRate(this::cutOverdue, scanNanos, scanNanos, TimeUnit.NANOSECONDS);
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
   * Runs one exchange of the JDK server; when every thread up to the cap is busy this throws {@link
   * RejectedExecutionException}, on which the server closes that connection.
   */
  @Override
  public void execute(Runnable exchange) {
    if (closed) {
      throw new RejectedExecutionException("closed");
    }
    if (idle.get() == 0 && threads.get() >= maxThreads) {
      LOG.debug("all {} HTTP threads busy; a new connection is closed", maxThreads);
      throw new RejectedExecutionException("all " + maxThreads + " HTTP threads busy");
    }
    queue.add(new Queued(exchange, System.nanoTime()));
    if (idle.get() == 0 && threads.get() < coreThreads) {
      startWorker(true);
    }
    scheduleStallCheck();
  }

  private void scheduleStallCheck() {
    if (!closed && stallCheckPending.compareAndSet(false, true)) {
      try {
        watch.schedule(this::checkStall, STALL.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        stallCheckPending.set(false);
      }
    }
  }

  private void checkStall() {
    stallCheckPending.set(false);
    Queued oldest = queue.peek();
    if (oldest == null) {
      return;
    }
    if (System.nanoTime() - oldest.queuedAtNanos() >= STALL.toNanos()) {
      int wanted = queue.size() - idle.get();
      int started = 0;
      while (started < wanted && startWorker(false)) {
        started++;
      }
    }
    scheduleStallCheck();
  }

  /** Starts a worker unless the cap is reached; core workers never end. */
  private boolean startWorker(boolean core) {
    int count;
    do {
      count = threads.get();
      if (count >= (core ? coreThreads : maxThreads)) {
        return false;
      }
    } while (!threads.compareAndSet(count, count + 1));
    Thread thread = workerThreads.newThread(() -> work(core));
    workers.add(thread);
    thread.start();
    return true;
  }

  private void work(boolean core) {
    try {
      while (!closed) {
        Queued next;
        idle.incrementAndGet();
        try {
          next = core ? queue.take() : queue.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
        } finally {
          idle.decrementAndGet();
        }
        if (next == null) {
          return;
        }
        runWithDeadline(next.exchange());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      threads.decrementAndGet();
      workers.remove(Thread.currentThread());
    }
  }

  private void runWithDeadline(Runnable exchange) {
    Watch watched = new Watch(Thread.currentThread(), System.nanoTime());
    running.add(watched);
    try {
      exchange.run();
    } catch (RuntimeException e) {
      LOG.debug("an HTTP exchange failed", e);
    } finally {
      watched.finish();
      running.remove(watched);
      Thread.interrupted();
    }
  }

  private void cutOverdue() {
    long now = System.nanoTime();
    for (Watch watched : running) {
      if (now - watched.startedAtNanos() >= deadlineNanos) {
        watched.expire();
      }
    }
  }

  /** How many threads wait for an exchange now. */
  int idleThreads() {
    return idle.get();
  }

  @Override
  public void close() {
    closed = true;
    watch.shutdownNow();
    workers.forEach(Thread::interrupt);
    queue.clear();
  }

  /** One exchange's thread, interrupted at the deadline unless the exchange finished first. */
  private static final class Watch {
    private final Thread thread;
    private final long startedAtNanos;
    private boolean finished;

    Watch(Thread thread, long startedAtNanos) {
      this.thread = thread;
      this.startedAtNanos = startedAtNanos;
    }

    long startedAtNanos() {
      return startedAtNanos;
    }

    synchronized void expire() {
      if (!finished) {
        LOG.debug("an HTTP exchange ran past its deadline; its connection is closed");
        finished = true;
        thread.interrupt();
      }
    }

    synchronized void finish() {
      finished = true;
    }
  }
}
