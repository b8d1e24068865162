package dev.homeenergy.web.security;

import dev.homeenergy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One loaded state of the web configuration: the settings, the key and trust managers TLS made of
 * them (null for plain HTTP), and the stamps of the files they came from, so a later change to the
 * file or to a certificate, key or CA file it names can be noticed.
 */
record LoadedSettings(
    WebSecurityConfig config,
    X509ExtendedKeyManager keyManager,
    X509ExtendedTrustManager trustManager,
    List<Stamp> stamps) {

  /**
   * Loads the file and everything it names.
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  static LoadedSettings load(Path file) throws ConfigException {
    WebSecurityConfig config = WebSecurityLoader.load(file);
    List<Stamp> stamps = stamps(file, config);
    if (config.tls().isEmpty()) {
      return new LoadedSettings(config, null, null, stamps);
    }
    WebSecurityConfig.Tls tls = config.tls().get();
    X509ExtendedKeyManager keyManager = TlsManagers.keyManager(file, tls);
    X509ExtendedTrustManager trustManager = TlsManagers.trustManager(file, tls);
    return new LoadedSettings(config, keyManager, trustManager, stamps);
  }

  /** The stamps of the file and of the certificate, key and CA files {@code config} names. */
  static List<Stamp> stamps(Path file, WebSecurityConfig config) {
    List<Stamp> stamps = new ArrayList<>();
    stamps.add(Stamp.of(file));
    config
        .tls()
        .ifPresent(
            tls ->
                Stream.of(tls.certFile(), tls.keyFile(), tls.clientCaFile())
                    .filter(Objects::nonNull)
                    .map(Stamp::of)
                    .forEach(stamps::add));
    return List.copyOf(stamps);
  }

  /**
   * The same settings, remembered as matching {@code newStamps} so an unloadable change is not
   * retried.
   */
  LoadedSettings withStamps(List<Stamp> newStamps) {
    return new LoadedSettings(config, keyManager, trustManager, newStamps);
  }

  boolean tls() {
    return config.tls().isPresent();
  }

  /** A file's identity for change detection. */
  record Stamp(Path path, FileTime modified, long size) {
    static Stamp of(Path path) {
      try {
        return new Stamp(path, Files.getLastModifiedTime(path), Files.size(path));
      } catch (IOException e) {
        return new Stamp(path, null, -1);
      }
    }
  }
}
