package dev.homeenergy.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a whole text file; the seam through which the loader reads the config file and {@code
 * <key>_file} secrets, so tests need no real files.
 */
@FunctionalInterface
public interface TextFileReader {
  String read(Path path) throws IOException;
}
