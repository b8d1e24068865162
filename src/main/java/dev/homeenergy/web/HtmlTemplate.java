package dev.homeenergy.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of HTML read once from a class-path resource, with {@code {{name}}} placeholders that
 * {@link #render} fills: every text value is HTML-escaped, and only the rendering of another
 * template ({@link Html}) goes in as it is, so markup lives in resources and no value can inject
 * any. No conditions, no loops, no engine: the handler picks and joins the pieces.
 */
final class HtmlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

  private final String resource;

  /** The text around the placeholders: one more than {@link #names}. */
  private final List<String> literals;

  private final List<String> names;

  private HtmlTemplate(String resource, List<String> literals, List<String> names) {
    this.resource = resource;
    this.literals = List.copyOf(literals);
    this.names = List.copyOf(names);
  }

  /**
   * Reads a template from the class path, as UTF-8.
   *
   * @param resource absolute resource name, e.g. {@code /dev/homeenergy/web/landing.html}
   * @throws IllegalStateException when the resource is not in the jar
   */
  static HtmlTemplate load(String resource) {
    String text;
    try (InputStream in = HtmlTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "HTML template "
                + resource
                + " is missing from the class path; "
                + "the jar is incomplete, rebuild it");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read HTML template " + resource, e);
    }
    return parse(resource, text);
  }

  static HtmlTemplate parse(String resource, String text) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int from = 0;
    while (matcher.find()) {
      literals.add(text.substring(from, matcher.start()));
      names.add(matcher.group(1));
      from = matcher.end();
    }
    literals.add(text.substring(from));
    return new HtmlTemplate(resource, literals, names);
  }

  /**
   * Fills every placeholder.
   *
   * @param values by placeholder name: a {@link String} (escaped) or an {@link Html} (as it is)
   * @throws IllegalArgumentException when a placeholder has no value or a value no placeholder
   */
  Html render(Map<String, ?> values) {
    if (!values.keySet().equals(Set.copyOf(names))) {
      throw new IllegalArgumentException(
          "HTML template "
              + resource
              + " takes "
              + new TreeSet<>(names)
              + ", given "
              + new TreeSet<>(values.keySet()));
    }
    StringBuilder html = new StringBuilder(literals.get(0));
    for (int i = 0; i < names.size(); i++) {
      Object value = values.get(names.get(i));
      if (value instanceof Html fragment) {
        html.append(fragment.text);
      } else if (value instanceof String text) {
        html.append(Responses.html(text));
      } else {
        throw new IllegalArgumentException(
            "HTML template " + resource + ": " + names.get(i) + " is neither text nor HTML");
      }
      html.append(literals.get(i + 1));
    }
    return new Html(html.toString());
  }

  /**
   * HTML that only a template's rendering (or the joining of such) makes, so it is safe to insert.
   */
  static final class Html {
    private final String text;

    private Html(String text) {
      this.text = text;
    }

    static Html join(List<Html> parts) {
      StringBuilder joined = new StringBuilder();
      parts.forEach(part -> joined.append(part.text));
      return new Html(joined.toString());
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
