package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.device.tesla.OAuthClient;
import dev.homeenergy.device.tesla.TeslaFamily;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tesla}: sign-in and registration for the Fleet API family. */
@Command(
    name = "tesla",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    subcommands = {
      TeslaLoginCommand.class,
      TeslaKeygenCommand.class,
      TeslaRegisterCommand.class,
      TeslaServeCommand.class
    },
    description = {
      "Sign-in and partner registration for the Tesla Fleet API (type: tesla devices).",
      "First time: tesla keygen, host the public key, tesla register --domain D, then tesla login."
    })
public final class TeslaCommand {

  /** Options naming the config file and the tesla device whose settings a subcommand uses. */
  static final class DeviceOptions {
    @Option(
        names = "--config.file",
        paramLabel = "FILE",
        description =
            "The config file with the tesla device (client_id, client_secret, region, token_file); "
                + "without it, the device tesla serve's environment describes ("
                + TeslaEnvironment.VARIABLES
                + ").")
    Path configFile;

    @Option(
        names = "--device",
        paramLabel = "NAME",
        description = "Which tesla device (default: the first).")
    String device;

    /**
     * The device's entry and resolved settings, from the config file or else the environment.
     *
     * @throws CommandException (exit 2) when the file, the environment, the device or its settings
     *     are wrong
     */
    Loaded load(CliContext context) {
      if (configFile == null) {
        if (!context.env().containsKey("TESLA_CLIENT_ID")) {
          throw CommandException.config(
              "give --config.file FILE, or set TESLA_CLIENT_ID and TESLA_CLIENT_SECRET (and the "
                  + "other variables of tesla serve)");
        }
        DeviceConfig fromEnv = TeslaEnvironment.device(context.env(), NamingStyle.COMPAT);
        try {
          return new Loaded(fromEnv, TeslaFamily.settings(fromEnv, null));
        } catch (IllegalArgumentException e) {
          throw CommandException.config(e.getMessage());
        }
      }
      ExporterConfig config = Serving.load(configFile, context);
      Optional<DeviceConfig> found =
          config.devices().stream()
              .filter(d -> d.type().equals(TeslaFamily.TYPE))
              .filter(d -> device == null || d.name().equals(device))
              .findFirst();
      if (found.isEmpty()) {
        throw CommandException.config(
            configFile + " has no tesla device" + (device == null ? "" : " named " + device));
      }
      try {
        return new Loaded(found.get(), TeslaFamily.settings(found.get(), config.stateDirectory()));
      } catch (IllegalArgumentException e) {
        throw CommandException.config(e.getMessage());
      }
    }
  }

  /** A tesla device entry with its resolved settings. */
  record Loaded(DeviceConfig device, TeslaFamily.Resolved settings) {
    OAuthClient oauth(java.time.Clock clock) {
      return new OAuthClient(settings.oauth(), java.net.http.HttpClient.newHttpClient(), clock);
    }
  }
}
