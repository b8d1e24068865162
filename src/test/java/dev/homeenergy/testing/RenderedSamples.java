package dev.homeenergy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Reading;
import dev.homeenergy.core.Sample;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Query helpers over the samples a naming rendered, for exact assertions in tests. */
public record RenderedSamples(List<Sample> list) {

  public static <R extends Reading> RenderedSamples render(
      Naming<R> naming, R reading, String device) {
    Samples.Builder out = Samples.builder();
    naming.render(reading, device, out);
    return new RenderedSamples(out.build().list());
  }

  public Optional<Sample> find(String familyName, Labels labels) {
    List<Sample> matches =
        list.stream()
            .filter(s -> s.family().name().equals(familyName) && s.labels().equals(labels))
            .toList();
    assertThat(matches).as("samples of %s%s", familyName, labels).hasSizeLessThanOrEqualTo(1);
    return matches.stream().findFirst();
  }

  public double value(String familyName, String... labelPairs) {
    Labels labels = Labels.of(labelPairs);
    return find(familyName, labels)
        .orElseThrow(() -> new AssertionError("no sample " + familyName + labels + " in " + this))
        .value();
  }

  /** Whether the family has any sample. */
  public boolean has(String familyName) {
    return list.stream().anyMatch(s -> s.family().name().equals(familyName));
  }

  /** Whether the family has a sample with exactly these labels. */
  public boolean hasSeries(String familyName, String... labelPairs) {
    return find(familyName, Labels.of(labelPairs)).isPresent();
  }

  public MetricFamily family(String familyName) {
    return list.stream()
        .map(Sample::family)
        .filter(f -> f.name().equals(familyName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no family " + familyName));
  }

  public List<Sample> of(String familyName) {
    return list.stream().filter(s -> s.family().name().equals(familyName)).toList();
  }

  public Set<String> names() {
    return list.stream()
        .map(s -> s.family().name())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The exposed family names with their types, from the client_java text output. */
  public Set<String> exposedTypes() {
    return text()
        .lines()
        .filter(line -> line.startsWith("# TYPE "))
        .map(line -> line.substring("# TYPE ".length()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The samples as client_java's text exposition. */
  public String text() {
    return TextExposition.render(list);
  }

  @Override
  public String toString() {
    return list.stream()
        .map(s -> s.family().name() + s.labels() + " " + s.value())
        .collect(Collectors.joining("\n", "\n", "\n"));
  }
}
