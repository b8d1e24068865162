package dev.homeenergy.web.security;

import dev.homeenergy.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the web configuration in force and reloads it when the file, or a certificate, key or CA
 * file it names, changed: checked at most once a second, by modification time and size, when
 * someone asks for the current state. A change that does not load, or that would switch between
 * HTTP and HTTPS, is logged and the last good state stays in force, so a typo never opens the
 * endpoint.
 */
final class ReloadingSettings {
  /** Logged under {@link WebSecurity}'s name, as before this class was split out of it. */
  private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);

  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

  private final Path file;
  private volatile LoadedSettings active;
  private volatile long nextCheckNanos;

  private ReloadingSettings(Path file, LoadedSettings active) {
    this.file = file;
    this.active = active;
    this.nextCheckNanos = System.nanoTime() + CHECK_EVERY_NANOS;
  }

  /**
   * Loads the file and everything it names.
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  static ReloadingSettings load(Path file) throws ConfigException {
    return new ReloadingSettings(file, LoadedSettings.load(file));
  }

  /** The state in force, without looking for changes. */
  LoadedSettings lastLoaded() {
    return active;
  }

  /**
   * The state in force now, reloaded first when a file changed and a second has passed since the
   * last check.
   */
  LoadedSettings now() {
    long now = System.nanoTime();
    if (now - nextCheckNanos >= 0) {
      synchronized (this) {
        if (now - nextCheckNanos >= 0) {
          nextCheckNanos = now + CHECK_EVERY_NANOS;
          reloadIfChanged();
        }
      }
    }
    return active;
  }

  private void reloadIfChanged() {
    LoadedSettings old = active;
    List<LoadedSettings.Stamp> stamps = LoadedSettings.stamps(file, old.config());
    if (stamps.equals(old.stamps())) {
      return;
    }
    try {
      LoadedSettings loaded = LoadedSettings.load(file);
      if (loaded.tls() != old.tls()) {
        LOG.error(
            "web config {}: switching between HTTP and HTTPS needs a restart; keeping the previous settings",
            file);
        active = old.withStamps(stamps);
        return;
      }
      active = loaded;
      LOG.info("web config {} reloaded", file);
    } catch (ConfigException e) {
      LOG.error(
          "web config {} changed but does not load; keeping the previous settings: {}",
          file,
          e.getMessage());
      active = old.withStamps(stamps);
    }
  }
}
