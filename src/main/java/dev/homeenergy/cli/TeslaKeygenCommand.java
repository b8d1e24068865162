package dev.homeenergy.cli;

import dev.homeenergy.device.tesla.FleetKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the EC P-256 key pair a Fleet API app registers, and says where to host the public key.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description =
        "Writes private-key.pem (0600) and com.tesla.3p.public-key.pem (0644, for your web server); never overwrites a private key.")
public final class TeslaKeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write the keys (default: .).")
  Path directory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      FleetKeys.Written written = FleetKeys.generate(directory);
      out.println("Private key: " + written.privateKey() + " (keep it secret)");
      out.println("Public key:  " + written.publicKey() + " (readable by everyone, to publish)");
      out.println(
          "Serve the public key at https://<your domain>"
              + written.publicKeyUrlPath()
              + ", then run: home-energy-exporter tesla register --config.file FILE --domain <your domain>");
      out.flush();
      return Serving.EXIT_OK;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw CommandException.runtime(
          "a private key already exists at " + e.getFile() + "; not overwriting it");
    } catch (IOException e) {
      throw CommandException.runtime("cannot write the keys: " + e.getMessage());
    }
  }
}
