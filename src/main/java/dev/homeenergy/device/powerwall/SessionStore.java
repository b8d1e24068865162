package dev.homeenergy.device.powerwall;

import dev.homeenergy.devicehttp.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a gateway's session token across restarts in {@code .home-energy-exporter-<device>.session}
 * in the state directory, readable by the owner only (0600, written through {@link PrivateFiles}),
 * so a restart does not log in again (gateways rate-limit logins and newer firmware may refuse a
 * password an issued token survives). Without a state directory nothing is persisted. Failures to
 * read or write are logged, never fatal; the token itself is never logged.
 */
final class SessionStore {
  private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
  private static final Pattern USABLE_TOKEN =
      Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]{1,4096}");

  private final Path file;
  private final PrivateFiles files;

  /** A store for the session in {@code file} (none when null), written through {@code files}. */
  SessionStore(Path file, PrivateFiles files) {
    this.file = file;
    this.files = files;
  }

  /** A store for the device's session in {@code stateDirectory}; inert when that is null. */
  static SessionStore in(Path stateDirectory, String deviceName) {
    return new SessionStore(
        stateDirectory == null ? null : stateDirectory.resolve(fileName(deviceName)),
        PrivateFiles.atomic());
  }

  static String fileName(String deviceName) {
    return ".home-energy-exporter-" + deviceName.replaceAll("[^A-Za-z0-9._-]", "_") + ".session";
  }

  /** True when {@code token} can be sent in a cookie and stored on one line. */
  static boolean usable(String token) {
    return token != null && USABLE_TOKEN.matcher(token).matches();
  }

  Path file() {
    return file;
  }

  Optional<String> load() {
    if (file == null || !Files.exists(file)) {
      return Optional.empty();
    }
    try {
      tighten();
      String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!usable(token)) {
        LOG.warn("Ignoring the session file {}: it holds no usable token", file);
        return Optional.empty();
      }
      return Optional.of(token);
    } catch (IOException e) {
      LOG.warn("Cannot read the session file {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  void save(String token) {
    if (file == null) {
      return;
    }
    try {
      files.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot save the gateway session to {}: {}", file, e.toString());
    }
  }

  void delete() {
    if (file != null) {
      deleteQuietly(file);
    }
  }

  private void tighten() throws IOException {
    switch (files.tightenExisting(file)) {
      case TIGHTENED -> LOG.warn("Tightened the permissions of the session file {} to 0600", file);
      case LEFT_OPEN ->
          LOG.warn(
              "The session file {} may be read by others ({}) and only its owner can change that:"
                  + " run `chmod 600 {}` as its owner. Reading it anyway.",
              file,
              PrivateFiles.describeAccess(file),
              file);
      case ALREADY_PRIVATE -> {}
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}: {}", path, e.toString());
    }
  }
}
