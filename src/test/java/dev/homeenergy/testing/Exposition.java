package dev.homeenergy.testing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Looks up series in a Prometheus text (0.0.4) exposition by their exact printed name and labels,
 * e.g. {@code tesla_wall_connector_grid_volts{device="garage"}}. Labels must be given in the order
 * client_java prints them (sorted by name).
 */
public record Exposition(String text) {

  public List<String> sampleLines() {
    return text.lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .collect(Collectors.toList());
  }

  public Optional<String> line(String series) {
    return sampleLines().stream().filter(l -> l.startsWith(series + " ")).findFirst();
  }

  public OptionalDouble value(String series) {
    return line(series)
        .map(
            l ->
                OptionalDouble.of(
                    Double.parseDouble(l.substring(series.length() + 1).trim().split(" ")[0])))
        .orElse(OptionalDouble.empty());
  }

  public boolean has(String series) {
    return line(series).isPresent();
  }

  /** Whether any sample of the metric {@code name} is present, whatever its labels. */
  public boolean hasMetric(String name) {
    return sampleLines().stream()
        .anyMatch(l -> l.startsWith(name + " ") || l.startsWith(name + "{"));
  }

  /** Names of all metrics with samples, in order, without duplicates. */
  public List<String> metricNames() {
    return sampleLines().stream()
        .map(l -> l.split("[ {]", 2)[0])
        .distinct()
        .collect(Collectors.toList());
  }
}
