package dev.homeenergy.web.security;

import dev.homeenergy.config.Durations;
import dev.homeenergy.config.Problems;
import dev.homeenergy.config.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the sections of a web configuration file into {@link WebSecurityConfig} parts, adding every
 * problem (unknown key, wrong shape, unreadable file, bad TLS version, a password where a bcrypt
 * hash belongs) to {@code problems} with its key and line. Relative file paths are resolved against
 * {@code baseDirectory}.
 */
record WebSecurityReader(Problems problems, Path baseDirectory) {
  private static final List<String> TLS_KEYS =
      List.of(
          "cert_file",
          "key_file",
          "cert",
          "key",
          "client_ca_file",
          "client_ca",
          "client_auth_type",
          "client_allowed_sans",
          "min_version",
          "max_version",
          "cipher_suites",
          "prefer_server_cipher_suites",
          "curve_preferences");
  private static final List<String> HTTP_KEYS = List.of("http2", "headers");
  private static final List<String> HEADER_KEYS =
      List.of(
          "Content-Security-Policy",
          "X-Frame-Options",
          "X-Content-Type-Options",
          "X-XSS-Protection",
          "Strict-Transport-Security");
  private static final List<String> RATE_KEYS = List.of("interval", "burst");
  private static final Map<String, String> TLS_VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> VERSION_ORDER =
      List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /**
   * {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, 22 characters of salt and 31 of
   * hash.
   */
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  Optional<YamlMap> section(YamlMap root, String key) {
    return root.get(key)
        .flatMap(entry -> YamlMap.read(entry.value(), entry.path(), entry.line(), problems));
  }

  Optional<String> scalar(YamlMap map, String key) {
    Optional<YamlMap.Entry> entry = map.get(key);
    if (entry.isEmpty() || YamlMap.isNull(entry.get().value())) {
      return Optional.empty();
    }
    if (!(entry.get().value() instanceof ScalarNode scalar)) {
      map.report(
          entry.get(), "expected a single value, got " + YamlMap.describe(entry.get().value()));
      return Optional.empty();
    }
    return Optional.of(scalar.getValue());
  }

  List<String> list(YamlMap map, String key) {
    Optional<YamlMap.Entry> entry = map.get(key);
    if (entry.isEmpty() || YamlMap.isNull(entry.get().value())) {
      return List.of();
    }
    if (!(entry.get().value() instanceof SequenceNode sequence)) {
      map.report(entry.get(), "expected a list, got " + YamlMap.describe(entry.get().value()));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar) {
        values.add(scalar.getValue());
      } else {
        map.report(entry.get(), "expected a list of single values");
      }
    }
    return values;
  }

  Optional<Path> file(YamlMap map, String key) {
    return scalar(map, key)
        .map(
            text -> {
              Path path = baseDirectory.resolve(text);
              if (!Files.isReadable(path)) {
                map.report(map.get(key).orElseThrow(), "cannot read " + path);
              }
              return path;
            });
  }

  Optional<WebSecurityConfig.Tls> tls(YamlMap map) {
    map.rejectUnknownKeys(TLS_KEYS);
    Optional<Path> certFile = file(map, "cert_file");
    Optional<String> cert = scalar(map, "cert");
    Optional<Path> keyFile = file(map, "key_file");
    Optional<String> key = scalar(map, "key");
    Optional<Path> clientCaFile = file(map, "client_ca_file");
    Optional<String> clientCa = scalar(map, "client_ca");
    String where = map.path();
    int line =
        map.get("cert_file")
            .or(() -> map.get("cert"))
            .or(() -> map.get("key_file"))
            .map(YamlMap.Entry::line)
            .orElse(0);
    if (certFile.isPresent() && cert.isPresent()) {
      problems.add(where, line, "give cert_file or cert, not both");
    }
    if (keyFile.isPresent() && key.isPresent()) {
      problems.add(where, line, "give key_file or key, not both");
    }
    boolean hasCert = certFile.isPresent() || cert.isPresent();
    boolean hasKey = keyFile.isPresent() || key.isPresent();
    if (!hasCert) {
      problems.add(
          where + ".cert_file", line, "a server certificate is required (cert_file or cert)");
    }
    if (!hasKey) {
      problems.add(where + ".key_file", line, "a private key is required (key_file or key)");
    }
    WebSecurityConfig.ClientAuth clientAuth =
        scalar(map, "client_auth_type")
            .map(
                name ->
                    WebSecurityConfig.ClientAuth.byConfigName(name)
                        .orElseGet(
                            () -> {
                              map.report(
                                  map.get("client_auth_type").orElseThrow(),
                                  "invalid client_auth_type \""
                                      + name
                                      + "\"; expected one of: NoClientCert, RequestClientCert, RequireAnyClientCert, "
                                      + "VerifyClientCertIfGiven, RequireAndVerifyClientCert");
                              return WebSecurityConfig.ClientAuth.NO_CLIENT_CERT;
                            }))
            .orElse(WebSecurityConfig.ClientAuth.NO_CLIENT_CERT);
    boolean hasClientCa = clientCaFile.isPresent() || clientCa.isPresent();
    if (clientAuth.verifies() && !hasClientCa) {
      problems.add(
          where + ".client_ca_file",
          map.get("client_auth_type").map(YamlMap.Entry::line).orElse(line),
          "client_auth_type " + clientAuth.configName() + " needs client_ca_file or client_ca");
    }
    String min = version(map, "min_version").orElse("TLSv1.2");
    String max = version(map, "max_version").orElse("TLSv1.3");
    if (VERSION_ORDER.indexOf(min) > VERSION_ORDER.indexOf(max)) {
      map.report(
          map.get("min_version").or(() -> map.get("max_version")).orElseThrow(),
          "min_version is above max_version");
    }
    List<String> sans = list(map, "client_allowed_sans");
    List<String> suites = list(map, "cipher_suites");
    list(map, "curve_preferences");
    scalar(map, "prefer_server_cipher_suites");
    if (!hasCert || !hasKey) {
      return Optional.empty();
    }
    return Optional.of(
        new WebSecurityConfig.Tls(
            certFile.orElse(null),
            cert.orElse(null),
            keyFile.orElse(null),
            key.orElse(null),
            clientCaFile.orElse(null),
            clientCa.orElse(null),
            clientAuth,
            sans,
            min,
            max,
            suites));
  }

  Optional<String> version(YamlMap map, String key) {
    return scalar(map, key)
        .flatMap(
            text -> {
              String version = TLS_VERSIONS.get(text);
              if (version == null) {
                map.report(
                    map.get(key).orElseThrow(),
                    "invalid TLS version \""
                        + text
                        + "\"; expected one of: TLS10, TLS11, TLS12, TLS13");
              }
              return Optional.ofNullable(version);
            });
  }

  Map<String, String> headers(YamlMap map) {
    map.rejectUnknownKeys(HTTP_KEYS);
    scalar(map, "http2");
    Map<String, String> headers = new LinkedHashMap<>();
    section(map, "headers")
        .ifPresent(
            section -> {
              section.rejectUnknownKeys(HEADER_KEYS);
              for (YamlMap.Entry entry : section.entries()) {
                scalar(section, entry.key()).ifPresent(value -> headers.put(entry.key(), value));
              }
            });
    return headers;
  }

  Map<String, String> users(YamlMap map) {
    Map<String, String> users = new LinkedHashMap<>();
    for (YamlMap.Entry entry : map.entries()) {
      scalar(map, entry.key())
          .ifPresent(
              hash -> {
                if (BCRYPT.matcher(hash).matches()) {
                  users.put(entry.key(), hash);
                } else {
                  map.report(
                      entry,
                      "not a bcrypt hash ($2y$, $2a$ or $2b$, as htpasswd -nB writes); "
                          + "passwords are never stored in clear");
                }
              });
    }
    return users;
  }

  Optional<WebSecurityConfig.RateLimit> rateLimit(YamlMap map) {
    map.rejectUnknownKeys(RATE_KEYS);
    Optional<Duration> interval =
        scalar(map, "interval")
            .flatMap(
                text -> {
                  try {
                    return Optional.of(Durations.parse(text));
                  } catch (IllegalArgumentException e) {
                    map.report(map.get("interval").orElseThrow(), e.getMessage());
                    return Optional.empty();
                  }
                });
    Optional<Integer> burst =
        scalar(map, "burst")
            .flatMap(
                text -> {
                  try {
                    int value = Integer.parseInt(text);
                    if (value < 1) {
                      throw new NumberFormatException();
                    }
                    return Optional.of(value);
                  } catch (NumberFormatException e) {
                    map.report(
                        map.get("burst").orElseThrow(),
                        "expected a whole number of at least 1, got \"" + text + "\"");
                    return Optional.empty();
                  }
                });
    if (interval.isEmpty() || interval.get().isZero()) {
      return Optional.empty();
    }
    return Optional.of(new WebSecurityConfig.RateLimit(interval.get(), burst.orElse(1)));
  }
}
