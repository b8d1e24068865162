package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.doctor.DeviceDiagnosis;
import dev.homeenergy.doctor.Doctor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks each configured device step by step and says what is wrong and what usually causes it. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = {
      "Checks each device of --config.file step by step: name resolution, TCP connect, TLS (the"
          + " certificate's fingerprint, and whether it is the pinned one), HTTP, authentication"
          + " and one read of each endpoint, with a hint for the usual causes of a failure.",
      "It logs in at most once per device and never wakes a car.",
      "Exit code 0 when every device answers, 1 when one does not, 2 for a bad config."
    })
public final class DoctorCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--config.file",
      paramLabel = "FILE",
      required = true,
      description = "YAML config file listing the devices.")
  Path configFile;

  public DoctorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ExporterConfig config = Serving.load(configFile, context);
    List<String> problems = Serving.problems(config);
    if (!problems.isEmpty()) {
      throw new CommandException(
          Serving.EXIT_CONFIG, problems.stream().map(p -> configFile + ": " + p).toList());
    }
    Doctor doctor = new Doctor(context.families().devices());
    int answering = 0;
    for (DeviceConfig device : config.devices()) {
      DeviceDiagnosis diagnosis =
          doctor.diagnose(
              device,
              SharedHttp.unshared(
                  context.clock(), RawRecorder.discarding(), config.stateDirectory()));
      diagnosis.lines().forEach(out::println);
      out.println();
      out.flush();
      if (diagnosis.answers()) {
        answering++;
      }
    }
    int total = config.devices().size();
    out.println(
        answering == total
            ? "Every device answers (" + total + ")."
            : (total - answering) + " of " + total + " device(s) do not answer.");
    out.flush();
    return answering == total ? Serving.EXIT_OK : Serving.EXIT_RUNTIME;
  }
}
