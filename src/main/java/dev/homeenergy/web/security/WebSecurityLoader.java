package dev.homeenergy.web.security;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigProblem;
import dev.homeenergy.config.Problems;
import dev.homeenergy.config.SecretResolver;
import dev.homeenergy.config.YamlMap;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks an exporter-toolkit web configuration file. Every problem names its key and
 * line; hashes and keys are never quoted back. Keys the toolkit knows that have no equivalent in
 * the JDK's HTTP server ({@code http2}, {@code prefer_server_cipher_suites}, {@code
 * curve_preferences}) are accepted, so a shared file still loads, and have no effect.
 */
public final class WebSecurityLoader {
  private static final List<String> TOP_KEYS =
      List.of("tls_server_config", "http_server_config", "basic_auth_users", "rate_limit");

  private WebSecurityLoader() {}

  /**
   * Loads a web configuration file; relative file paths inside it are resolved against its
   * directory.
   *
   * @throws ConfigException when it cannot be read or is invalid
   */
  public static WebSecurityConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          file.toString(),
          List.of(
              new ConfigProblem(
                  "", 0, "cannot read web config file: " + SecretResolver.reason(e))));
    }
    Path directory = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), directory == null ? Path.of("") : directory);
  }

  static WebSecurityConfig parse(String text, String source, Path baseDirectory)
      throws ConfigException {
    Problems problems = new Problems();
    Node root = null;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add("", mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      problems.add("", 0, "invalid YAML");
    }
    Optional<WebSecurityConfig.Tls> tls = Optional.empty();
    Map<String, String> headers = Map.of();
    Map<String, String> users = Map.of();
    Optional<WebSecurityConfig.RateLimit> rateLimit = Optional.empty();
    if (problems.isEmpty()) {
      Optional<YamlMap> map =
          YamlMap.read(root, "", root == null ? 1 : Problems.line(root), problems);
      if (map.isPresent()) {
        WebSecurityReader reader = new WebSecurityReader(problems, baseDirectory);
        map.get().rejectUnknownKeys(TOP_KEYS);
        tls = reader.section(map.get(), "tls_server_config").flatMap(reader::tls);
        headers =
            reader.section(map.get(), "http_server_config").map(reader::headers).orElse(Map.of());
        users = reader.section(map.get(), "basic_auth_users").map(reader::users).orElse(Map.of());
        rateLimit = reader.section(map.get(), "rate_limit").flatMap(reader::rateLimit);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems.inFileOrder());
    }
    return new WebSecurityConfig(tls, headers, users, rateLimit);
  }
}
