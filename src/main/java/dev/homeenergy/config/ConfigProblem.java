package dev.homeenergy.config;

/**
 * One thing wrong with a config file.
 *
 * @param key where: a path like {@code devices[1].interval}; empty for the file as a whole
 * @param line 1-based line in the file; 0 when the problem has no line (e.g. unreadable file)
 * @param message what is wrong, never containing a secret value
 */
public record ConfigProblem(String key, int line, String message) {

  /** {@code <source>:<line>: <key>: <message>}, leaving out the parts that are absent. */
  public String format(String source) {
    StringBuilder out = new StringBuilder(source);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (!key.isEmpty()) {
      out.append(key).append(": ");
    }
    return out.append(message).toString();
  }
}
