package dev.homeenergy.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version and revision the jar was built from, for {@code home_energy_exporter_build_info}, the
 * landing page and {@code --version}.
 */
public record BuildInfo(String version, String revision, String javaVersion) {
  private static final String RESOURCE = "/dev/homeenergy/build.properties";

  /** Reads the properties Maven filtered into the jar. */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        clean(properties.getProperty("version")),
        clean(properties.getProperty("revision")),
        System.getProperty("java.version", "unknown"));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
  }
}
