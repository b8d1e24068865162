package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceAddress;
import dev.homeenergy.device.powerwall.GatewayCertificates;
import dev.homeenergy.devicehttp.FailureWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Saves a gateway's self-signed certificate so the exporter can pin it with {@code tls_cert_file}.
 */
@Command(
    name = "fetchcert",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = {
      "Connects to a Powerwall / Energy Gateway, takes the certificate it presents and writes it as PEM.",
      "Then set tls_cert_file to that file so the exporter trusts only this gateway."
    })
public final class PowerwallFetchCertCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--address",
      required = true,
      paramLabel = "ADDRESS",
      description = "Gateway host, host:port or https URL (port 443 unless given).")
  String address;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the PEM certificate.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    URI uri;
    try {
      uri = DeviceAddress.parse(address, "https", 443);
    } catch (IllegalArgumentException e) {
      throw CommandException.config("--address: " + e.getMessage());
    }
    return fetchAndWrite(uri.getHost(), uri.getPort(), out, stdout);
  }

  private static String hostInUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * Fetches the gateway's certificate and writes it as PEM to {@code target}.
   *
   * @throws CommandException (exit 1) when it cannot be fetched or written
   */
  static int fetchAndWrite(String host, int port, Path target, PrintWriter out) {
    String unable = "Unable to fetch TLS certificate from " + host + ":" + port + ": ";
    try {
      X509Certificate certificate = GatewayCertificates.fetch(host, port, TIMEOUT);
      GatewayCertificates.writePem(certificate, target);
      out.println(
          "TLS certificate retrieved and written to "
              + target
              + " ("
              + certificate.getSubjectX500Principal()
              + ")");
      out.flush();
      return Serving.EXIT_OK;
    } catch (IOException e) {
      throw CommandException.runtime(
          unable
              + (e instanceof java.nio.file.FileSystemException
                  ? FailureWords.file(e)
                  : FailureWords.connection(
                      URI.create("https://" + hostInUri(host) + ":" + port), e)));
    } catch (RuntimeException e) {
      throw CommandException.runtime(unable + FailureWords.plain(e.getMessage()));
    }
  }
}
