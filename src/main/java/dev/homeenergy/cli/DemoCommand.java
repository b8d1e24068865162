package dev.homeenergy.cli;

import dev.homeenergy.app.Demo;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.MqttConfig;
import dev.homeenergy.config.WebConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs simulated devices of every family and the exporter polling them: no hardware needed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    description = {
      "Starts a simulator for every device family on loopback ports and the exporter polling them, "
          + "then prints the URLs. Ctrl-C stops everything."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The demo has no auth by default, so it serves this machine only unless told otherwise. */
  static final String LISTEN_ADDRESS = "127.0.0.1:10042";

  private final CliContext context;

  @Spec CommandSpec spec;
  @Mixin WebOptions web;
  @Mixin LogOptions log;

  @Option(
      names = "--mqtt",
      paramLabel = "BROKER",
      description =
          "Also publish the simulated devices to this MQTT broker (tcp://host:1883 or"
              + " ssl://host:8883, anonymous) with Home Assistant discovery.")
  String mqtt;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<MqttConfig> output = Optional.empty();
    if (mqtt != null) {
      try {
        output = Optional.of(MqttConfig.withDefaults(MqttConfig.checkBroker(mqtt)));
      } catch (IllegalArgumentException e) {
        throw CommandException.config("--mqtt " + e.getMessage());
      }
    }
    Demo demo;
    try {
      demo =
          Demo.start(
              context.families(),
              web.over(new WebConfig(LISTEN_ADDRESS, WebConfig.DEFAULT_TELEMETRY_PATH)),
              log.over(LogConfig.defaults()),
              context.clock());
    } catch (IOException e) {
      throw CommandException.runtime("cannot start the simulators: " + e.getMessage());
    }
    out.println(
        "home-energy-exporter demo: simulated devices; their day starts at "
            + Demo.DAY_STARTS
            + " site time (UTC-8), so the solar panels have sun");
    List<Demo.Running> devices = demo.simulators();
    String line =
        "  %-"
            + width(devices, r -> r.device().name())
            + "s %-"
            + width(devices, r -> r.family().displayName())
            + "s scenario %-"
            + width(devices, r -> r.device().scenario())
            + "s at %.0fx speed, %s naming: %s%n";
    for (Demo.Running running : devices) {
      out.printf(
          line,
          running.device().name(),
          running.family().displayName(),
          running.device().scenario(),
          running.device().speed(),
          running.device().naming().configValue(),
          running.simulator().baseUri());
    }
    output.ifPresent(
        broker ->
            out.println(
                "  publishing to MQTT broker "
                    + broker.broker()
                    + " with Home Assistant discovery (prefix homeassistant)"));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    return Serving.serve(demo.config().withMqtt(output), context, out, err, demo);
  }

  /** The width of the widest value of one column of the device lines. */
  private static int width(List<Demo.Running> devices, Function<Demo.Running, String> column) {
    return Math.max(1, devices.stream().mapToInt(r -> column.apply(r).length()).max().orElse(1));
  }
}
