package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.config.Secret;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The file that keeps the Tesla tokens across restarts, readable by the owner only (0600).
 *
 * <p>Two layouts, so users of the exporters this one replaces keep their sign-in: a JSON file with
 * {@code access_token}, {@code refresh_token}, {@code expires_at} (epoch seconds), {@code
 * token_type} and {@code created_at} (the Fleet API exporter's {@code token.json}); or a directory
 * holding {@code token.access} and {@code token.refresh} (the Owner API exporter's files, each the
 * bare token or a token JSON body). Writes go through {@link PrivateFiles}: owner-only from the
 * start and crash-safe, so a crash leaves either the old or the new file. A file others can read is
 * tightened to 0600 when read; one this process cannot tighten (another user's) is read with a
 * warning. Error messages name the file, never a token.
 */
public final class TokenFile {
  static final String ACCESS_FILE = "token.access";
  static final String REFRESH_FILE = "token.refresh";
  private static final ObjectMapper JSON = DeviceJson.mapper();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenFile.class);

  private final Path path;
  private final PrivateFiles files;

  /**
   * A token file whose final rename is done by {@code mover} (tests use it to simulate a crash).
   */
  TokenFile(Path path, PrivateFiles.Mover mover) {
    this(path, PrivateFiles.withMover(mover));
  }

  /** A token file written and tightened through {@code files}. */
  TokenFile(Path path, PrivateFiles files) {
    this.path = path.toAbsolutePath();
    this.files = files;
  }

  /** The token file at {@code path}: a JSON file, or a directory with the two Owner API files. */
  public static TokenFile at(Path path) {
    return new TokenFile(path, PrivateFiles.atomic());
  }

  public Path path() {
    return path;
  }

  /**
   * The saved tokens, or empty when none have been saved yet.
   *
   * @throws IOException the file exists but cannot be read or holds no usable tokens
   */
  public Optional<TeslaTokens> read() throws IOException {
    if (Files.isDirectory(path)) {
      return readDirectory();
    }
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    tighten(path);
    return Optional.of(parseJsonFile(Files.readString(path, StandardCharsets.UTF_8)));
  }

  /**
   * Saves {@code tokens}, replacing what was there. In the directory layout the refresh token is
   * written first, so the single-use refresh token on disk is never older than the access token.
   */
  public void write(TeslaTokens tokens) throws IOException {
    if (Files.isDirectory(path)) {
      replace(path.resolve(REFRESH_FILE), tokens.refresh().reveal() + "\n");
      replace(path.resolve(ACCESS_FILE), tokens.access().reveal() + "\n");
      return;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("access_token", tokens.access().reveal());
    node.put("refresh_token", tokens.refresh().reveal());
    node.put("expires_at", tokens.expiresAt().getEpochSecond());
    node.put("token_type", tokens.tokenType());
    node.put("created_at", tokens.createdAt().getEpochSecond());
    replace(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }

  private Optional<TeslaTokens> readDirectory() throws IOException {
    Path accessFile = path.resolve(ACCESS_FILE);
    Path refreshFile = path.resolve(REFRESH_FILE);
    if (!Files.exists(refreshFile)) {
      return Optional.empty();
    }
    String refresh = bareToken(refreshFile, "refresh_token");
    String access = Files.exists(accessFile) ? bareToken(accessFile, "access_token") : "";
    Instant modified = Files.getLastModifiedTime(refreshFile).toInstant();
    return Optional.of(
        new TeslaTokens(
            new Secret(access), new Secret(refresh), Instant.EPOCH, "Bearer", modified));
  }

  private String bareToken(Path file, String jsonField) throws IOException {
    tighten(file);
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      JsonNode node = parse(text, file);
      text = node.path(jsonField).asText("");
    }
    if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new IOException(file + " holds no usable token");
    }
    return text;
  }

  private TeslaTokens parseJsonFile(String text) throws IOException {
    JsonNode node = parse(text, path);
    String access = node.path("access_token").asText("");
    String refresh = node.path("refresh_token").asText("");
    if (refresh.isEmpty()) {
      throw new IOException(
          path + " has no refresh_token: sign in again with `home-energy-exporter tesla login`");
    }
    return new TeslaTokens(
        new Secret(access),
        new Secret(refresh),
        instant(node.path("expires_at"), Instant.EPOCH),
        node.path("token_type").asText("Bearer"),
        instant(node.path("created_at"), Instant.EPOCH));
  }

  private void tighten(Path file) throws IOException {
    switch (files.tightenExisting(file)) {
      case TIGHTENED ->
          LOG.warn("Tightened the permissions of the Tesla token file {} to 0600", file);
      case LEFT_OPEN ->
          LOG.warn(
              "The Tesla token file {} may be read by others ({}) and only its owner can change"
                  + " that: run `chmod 600 {}` as its owner. Reading it anyway.",
              file,
              PrivateFiles.describeAccess(file),
              file);
      case ALREADY_PRIVATE -> {}
    }
  }

  private static JsonNode parse(String text, Path file) throws IOException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IOException(file + " is not a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
  }

  private static Instant instant(JsonNode value, Instant fallback) {
    if (value.isNumber()) {
      return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }
    if (value.isTextual()) {
      try {
        return Instant.parse(value.asText());
      } catch (DateTimeParseException e) {
        return fallback;
      }
    }
    return fallback;
  }

  private void replace(Path target, String content) throws IOException {
    files.write(target, content.getBytes(StandardCharsets.UTF_8));
  }
}
