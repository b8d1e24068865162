package dev.homeenergy.cli;

import dev.homeenergy.device.tesla.OAuthClient;
import dev.homeenergy.device.tesla.PartnerRegistration;
import dev.homeenergy.device.tesla.PartnerRegistrationException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Registers the app's domain with the Fleet API of the device's region (needed once per region).
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description =
        "Registers your app's domain in the device's region (partner_accounts), with a client-credentials token.")
public final class TeslaRegisterCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;
  @Mixin TeslaCommand.DeviceOptions options = new TeslaCommand.DeviceOptions();

  @Option(
      names = "--domain",
      required = true,
      paramLabel = "DOMAIN",
      description = "The domain that serves your public key, lower case, e.g. example.com.")
  String domain;

  public TeslaRegisterCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TeslaCommand.Loaded loaded = options.load(context);
    OAuthClient.Settings settings = loaded.settings().oauth();
    OAuthClient oauth = loaded.oauth(context.clock());
    try {
      PartnerRegistration.PartnerAccount account =
          new PartnerRegistration(oauth, HttpClient.newHttpClient(), settings.timeout())
              .register(domain);
      out.println(
          "Registered "
              + account.domain()
              + " for client "
              + account.clientId()
              + " at "
              + settings.apiBase());
      out.flush();
      return Serving.EXIT_OK;
    } catch (PartnerRegistrationException e) {
      throw CommandException.runtime(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CommandException.runtime("--domain: " + e.getMessage());
    }
  }
}
