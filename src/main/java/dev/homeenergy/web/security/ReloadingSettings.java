package dev.homeenergy.web.security;

import dev.homeenergy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the web configuration in force and reloads it when the file, or a certificate, key or CA
 * file it names, changed: checked at most once a second, by modification time and size, when
 * someone asks for the current state. A change that does not load, or that would switch between
 * HTTP and HTTPS, is logged and the last good state stays in force, so a typo never opens the
 * endpoint.
 *
 * <p>A change that loads but drops every {@code basic_auth_users} entry, or empties the file, is
 * taken for a half-written save (an editor that truncates first) and logged as an error while the
 * last good state stays in force. Only once the file has stayed byte for byte the same for the
 * settle period is it taken as deliberate, applied, and logged as a warning.
 */
final class ReloadingSettings {
  /** Logged under {@link WebSecurity}'s name, as before this class was split out of it. */
  private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);

  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

  /** How long a file that weakens the settings must stay unchanged before it applies. */
  static final Duration SETTLE = Duration.ofSeconds(5);

  private final Path file;
  private final LongSupplier nanoClock;
  private final Duration settle;
  private volatile LoadedSettings active;
  private volatile long nextCheckNanos;

  /** The weaker file waiting to settle; guarded by {@code this}. */
  private Weakening pending;

  private ReloadingSettings(
      Path file, LoadedSettings active, LongSupplier nanoClock, Duration settle) {
    this.file = file;
    this.active = active;
    this.nanoClock = nanoClock;
    this.settle = settle;
    this.nextCheckNanos = nanoClock.getAsLong() + CHECK_EVERY_NANOS;
  }

  /**
   * Loads the file and everything it names.
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  static ReloadingSettings load(Path file) throws ConfigException {
    return load(file, System::nanoTime, SETTLE);
  }

  /**
   * Loads the file and everything it names, timing checks and the settle period by {@code
   * nanoClock} (a {@link System#nanoTime()}-like source).
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  static ReloadingSettings load(Path file, LongSupplier nanoClock, Duration settle)
      throws ConfigException {
    return new ReloadingSettings(file, LoadedSettings.load(file), nanoClock, settle);
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
    long now = nanoClock.getAsLong();
    if (now - nextCheckNanos >= 0) {
      synchronized (this) {
        if (now - nextCheckNanos >= 0) {
          nextCheckNanos = now + CHECK_EVERY_NANOS;
          reloadIfChanged(now);
        }
      }
    }
    return active;
  }

  private void reloadIfChanged(long now) {
    LoadedSettings old = active;
    List<LoadedSettings.Stamp> stamps = LoadedSettings.stamps(file, old.config());
    if (stamps.equals(old.stamps())) {
      pending = null;
      return;
    }
    if (pending != null && pending.stamps().equals(stamps) && !pending.settled(now, settle)) {
      return;
    }
    try {
      LoadedSettings loaded = LoadedSettings.load(file);
      if (loaded.tls() != old.tls()) {
        LOG.error(
            "web config {}: switching between HTTP and HTTPS needs a restart; keeping the previous settings",
            file);
        pending = null;
        active = old.withStamps(stamps);
        return;
      }
      Optional<String> lost = lost(old.config(), loaded.config());
      if (lost.isPresent() && !acceptWeakening(stamps, lost.get(), now)) {
        return;
      }
      pending = null;
      active = loaded;
      if (lost.isEmpty()) {
        LOG.info("web config {} reloaded", file);
      }
    } catch (ConfigException e) {
      LOG.error(
          "web config {} changed but does not load; keeping the previous settings: {}",
          file,
          e.getMessage());
      pending = null;
      active = old.withStamps(stamps);
    }
  }

  /**
   * Whether a file that weakens the settings has stayed the same for the settle period; logs the
   * error when it is first seen and the warning when it is accepted.
   */
  private boolean acceptWeakening(List<LoadedSettings.Stamp> stamps, String lost, long now) {
    byte[] digest = digest(file);
    if (pending == null
        || !pending.stamps().equals(stamps)
        || !Arrays.equals(pending.digest(), digest)) {
      pending = new Weakening(stamps, digest, now);
      LOG.error(
          "web config {} changed and {}; keeping the previous settings unless the file stays"
              + " unchanged for {} s",
          file,
          lost,
          settle.toSeconds());
      return false;
    }
    if (!pending.settled(now, settle)) {
      return false;
    }
    LOG.warn(
        "web config {} reloaded and {}: the file stayed unchanged for {} s, so this is taken as"
            + " deliberate",
        file,
        lost,
        settle.toSeconds());
    return true;
  }

  /** What {@code next} drops that {@code current} protects with, if anything. */
  private static Optional<String> lost(WebSecurityConfig current, WebSecurityConfig next) {
    if (isEmpty(next) && !isEmpty(current)) {
      return Optional.of(
          current.authenticates() ? "is empty (authentication would be off)" : "is empty");
    }
    if (current.authenticates() && !next.authenticates()) {
      return Optional.of("no longer has basic_auth_users (authentication would be off)");
    }
    return Optional.empty();
  }

  private static boolean isEmpty(WebSecurityConfig config) {
    return config.tls().isEmpty()
        && config.headers().isEmpty()
        && !config.authenticates()
        && config.rateLimit().isEmpty();
  }

  private static byte[] digest(Path file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      return new byte[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** A loadable file that drops protection, first seen at {@code sinceNanos}. */
  private record Weakening(List<LoadedSettings.Stamp> stamps, byte[] digest, long sinceNanos) {
    boolean settled(long now, Duration settle) {
      return now - sinceNanos >= settle.toNanos();
    }
  }
}
