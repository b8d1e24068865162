package dev.homeenergy.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a secret key given either directly ({@code password: ...}) or as a file ({@code
 * password_file: /path}); relative paths are resolved against the config file's directory.
 */
public final class SecretResolver {
  static final String FILE_SUFFIX = "_file";

  private final TextFileReader files;
  private final Path baseDirectory;
  private final ValueReader values;
  private final Problems problems;

  SecretResolver(TextFileReader files, Path baseDirectory, ValueReader values, Problems problems) {
    this.files = files;
    this.baseDirectory = baseDirectory;
    this.values = values;
    this.problems = problems;
  }

  /** The secret {@code key} of {@code map}, if given in one of its two forms. */
  Optional<Secret> resolve(YamlMap map, String key) {
    Optional<YamlMap.Entry> direct = map.get(key);
    Optional<YamlMap.Entry> file = map.get(key + FILE_SUFFIX);
    if (direct.isPresent() && file.isPresent()) {
      YamlMap.Entry later = direct.get().line() > file.get().line() ? direct.get() : file.get();
      problems.add(
          later.path(),
          later.line(),
          "\"" + key + "\" and \"" + key + FILE_SUFFIX + "\" are both set; use only one");
      return Optional.empty();
    }
    if (direct.isPresent()) {
      return values.text(direct.get()).map(Secret::new);
    }
    return file.flatMap(this::readFile);
  }

  private Optional<Secret> readFile(YamlMap.Entry entry) {
    Optional<String> pathText = values.text(entry);
    if (pathText.isEmpty()) {
      return Optional.empty();
    }
    Path path;
    try {
      path = baseDirectory.resolve(pathText.get());
    } catch (InvalidPathException e) {
      problems.add(entry.path(), entry.line(), "invalid path \"" + pathText.get() + "\"");
      return Optional.empty();
    }
    try {
      return Optional.of(new Secret(stripTrailingNewlines(files.read(path)), path));
    } catch (IOException | RuntimeException e) {
      problems.add(entry.path(), entry.line(), "cannot read \"" + path + "\": " + reason(e));
      return Optional.empty();
    }
  }

  private static String stripTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Why a file could not be read, without the file's content. */
  public static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8 text";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
