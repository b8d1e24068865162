package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Sample;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Query helpers over the samples a Powerwall naming rendered, for exact assertions. */
record NamingSamples(List<Sample> list) {

  static NamingSamples render(Naming<PowerwallReading> naming, PowerwallReading reading, String device) {
    Samples.Builder out = Samples.builder();
    naming.render(reading, device, out);
    return new NamingSamples(out.build().list());
  }

  Optional<Sample> find(String familyName, Labels labels) {
    List<Sample> matches =
        list.stream()
            .filter(s -> s.family().name().equals(familyName) && s.labels().equals(labels))
            .toList();
    assertThat(matches).as("samples of %s%s", familyName, labels).hasSizeLessThanOrEqualTo(1);
    return matches.stream().findFirst();
  }

  double value(String familyName, String... labelPairs) {
    Labels labels = Labels.of(labelPairs);
    return find(familyName, labels)
        .orElseThrow(() -> new AssertionError("no sample " + familyName + labels + " in " + this))
        .value();
  }

  boolean has(String familyName, String... labelPairs) {
    return find(familyName, Labels.of(labelPairs)).isPresent();
  }

  List<Sample> of(String familyName) {
    return list.stream().filter(s -> s.family().name().equals(familyName)).toList();
  }

  /** The exposed family names with their types, from the client_java text output. */
  Set<String> exposedTypes() {
    return NamingExposition.render(list).lines()
        .filter(line -> line.startsWith("# TYPE "))
        .map(line -> line.substring("# TYPE ".length()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  String text() {
    return NamingExposition.render(list);
  }

  @Override
  public String toString() {
    return list.stream()
        .map(s -> s.family().name() + s.labels() + " " + s.value())
        .collect(Collectors.joining("\n", "\n", "\n"));
  }
}
