package dev.homeenergy.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An exporter in a JVM of its own with a small heap, serving a config file on a loopback port: what
 * a test needs to show that hostile input cannot exhaust the heap. The child exits on its first
 * {@link OutOfMemoryError} (as a service should, to be restarted), so "alive" means no heap ran
 * out. Its output goes to a log file that failures quote.
 */
public final class ChildExporter implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final URI base;
  private final Path log;

  private ChildExporter(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} (with the tests' class path) as {@code serve --config.file=CONFIG} and
   * waits until it answers {@code /-/healthy}.
   *
   * @param heap the maximum heap, e.g. {@code 64m}
   */
  public static ChildExporter start(String mainClass, Path config, String heap, Path log)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.add("--config.file=" + config);
    command.add("--web.listen-address=127.0.0.1:" + port);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ChildExporter child = new ChildExporter(process, URI.create("http://127.0.0.1:" + port), log);
    try {
      await()
          .atMost(START_DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> !process.isAlive() || child.get("/-/healthy").statusCode() == 200);
    } catch (RuntimeException e) {
      child.close();
      throw new IllegalStateException("the exporter did not start:\n" + child.output(), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the exporter exited with " + process.exitValue() + ":\n" + child.output());
    }
    return child;
  }

  public URI base() {
    return base;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** A GET of {@code path} on the exporter. */
  public HttpResponse<String> get(String path) {
    return Http.get(base.resolve(path));
  }

  /** What the exporter has printed so far (its last 4,000 characters). */
  public String output() {
    try {
      String text = Files.readString(log);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
