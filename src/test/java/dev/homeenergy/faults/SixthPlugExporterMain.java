package dev.homeenergy.faults;

import dev.homeenergy.app.Families;
import dev.homeenergy.app.Family;
import dev.homeenergy.cli.CliContext;
import dev.homeenergy.cli.Commands;
import dev.homeenergy.device.sixth.SixthFamily;
import dev.homeenergy.device.sixth.sim.SixthFamilySimulator;
import java.time.Clock;

/**
 * The exporter's command line with the test-only sixth family added: a plug whose one endpoint may
 * answer up to the absolute 4 MiB body cap, for a child JVM that must hold such a body.
 */
public final class SixthPlugExporterMain {
  private SixthPlugExporterMain() {}

  public static void main(String[] args) {
    CliContext context =
        new CliContext(
            System.getenv(),
            Families.all().with(new Family(new SixthFamily(), new SixthFamilySimulator())),
            Clock.systemUTC(),
            CliContext.StopSignal.untilShutdown(),
            exporter -> {});
    System.exit(Commands.commandLine(context).execute(args));
  }
}
