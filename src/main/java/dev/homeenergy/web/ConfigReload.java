package dev.homeenergy.web;

import java.util.List;

/**
 * What {@code POST /-/reload} asks of the exporter: re-read the main config file and apply it, as
 * SIGHUP does. Supplied by the assembly, so the web package needs no knowledge of devices.
 */
@FunctionalInterface
public interface ConfigReload {
  /**
   * Re-reads the config and applies it when it is valid.
   *
   * @param trigger what asked for the reload, for the log (e.g. {@code SIGHUP}, {@code POST
   *     /-/reload})
   */
  Result reload(String trigger);

  /**
   * The outcome of one reload.
   *
   * @param applied whether the new config is now running
   * @param lines what changed, or every problem of a refused config, one per line
   */
  record Result(boolean applied, List<String> lines) {
    public Result {
      lines = List.copyOf(lines);
    }
  }
}
