package dev.homeenergy.app;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ExporterConfig;

/**
 * Where a config reload reads the config from: the main config file, loaded and checked as at
 * start, with the command line's flags over it.
 */
@FunctionalInterface
public interface ConfigSource {
  /**
   * @throws ConfigException listing every problem of the file, each with its key and line
   */
  ExporterConfig load() throws ConfigException;
}
