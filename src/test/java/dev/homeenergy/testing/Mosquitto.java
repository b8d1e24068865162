package dev.homeenergy.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto broker started by a test on a free loopback port with a config file of its own
 * (never the system service): anonymous, with one account, or with a TLS listener. It can be
 * stopped and started again on the same port, without persistence, so its retained messages are
 * gone after a restart like a broker that lost its disk.
 */
public final class Mosquitto implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(30);

  /** The broker's certificate and key, and the CA a client checks it with (PEM files). */
  public record Tls(Path caFile, Path certificateFile, Path keyFile) {}

  private final Path directory;
  private final Path config;
  private final int port;
  private final boolean tls;
  private Process process;

  private Mosquitto(Path directory, int port, String settings, boolean tls) throws IOException {
    this.directory = directory;
    this.port = port;
    this.tls = tls;
    this.config = directory.resolve("mosquitto.conf");
    Files.writeString(
        config,
        "listener "
            + port
            + " 127.0.0.1\n"
            + "persistence false\n"
            + "max_queued_messages 0\n"
            + "user "
            + System.getProperty("user.name")
            + "\n"
            + "log_dest file "
            + directory.resolve("mosquitto.log")
            + "\n"
            + "log_type all\n"
            + settings);
  }

  /** An anonymous broker. */
  public static Mosquitto start(Path directory) throws IOException {
    return started(new Mosquitto(directory, freePort(), "allow_anonymous true\n", false));
  }

  /** A broker that lets in only {@code username} with {@code password}. */
  public static Mosquitto withAccount(Path directory, String username, String password)
      throws IOException, InterruptedException {
    Path passwords = directory.resolve("passwords");
    Process make =
        new ProcessBuilder(
                ExternalTool.require("mosquitto_passwd", "mosquitto").toString(),
                "-b",
                "-c",
                passwords.toString(),
                username,
                password)
            .redirectErrorStream(true)
            .start();
    if (!make.waitFor(30, TimeUnit.SECONDS) || make.exitValue() != 0) {
      throw new IOException(
          "mosquitto_passwd failed: " + new String(make.getInputStream().readAllBytes()));
    }
    return started(
        new Mosquitto(
            directory,
            freePort(),
            "allow_anonymous false\npassword_file " + passwords + "\n",
            false));
  }

  /** A broker whose listener speaks TLS with {@code tls}'s certificate. */
  public static Mosquitto withTls(Path directory, Tls tls) throws IOException {
    return started(
        new Mosquitto(
            directory,
            freePort(),
            "allow_anonymous true\ncafile "
                + tls.caFile()
                + "\ncertfile "
                + tls.certificateFile()
                + "\nkeyfile "
                + tls.keyFile()
                + "\n",
            true));
  }

  private static Mosquitto started(Mosquitto broker) throws IOException {
    broker.startProcess();
    return broker;
  }

  /** {@code tcp://127.0.0.1:PORT}, or {@code ssl://...} for a TLS broker. */
  public URI uri() {
    return URI.create((tls ? "ssl" : "tcp") + "://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Stops the broker; its retained messages are lost. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** Starts the broker again on the same port, empty. */
  public void restart() throws IOException {
    startProcess();
  }

  /** The broker's log so far, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(directory.resolve("mosquitto.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void startProcess() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ExternalTool.require("mosquitto", "mosquitto").toString());
    command.add("-c");
    command.add(config.toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("mosquitto.out").toFile())
            .start();
    await()
        .atMost(START_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .failFast("mosquitto exited: " + log(), () -> !process.isAlive())
        .until(this::accepting);
  }

  private boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
