package dev.homeenergy.testing;

import dev.homeenergy.core.Sample;
import dev.homeenergy.polling.SnapshotBuilder;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders samples to the Prometheus text format exactly as the exporter does (the core's {@link
 * SnapshotBuilder}, then client_java's writer), failing on any sample the exporter would have to
 * drop: a naming must never produce a duplicate series or a type clash.
 */
public final class TextExposition {
  private TextExposition() {}

  /**
   * Renders samples as the exporter serves them: a duplicate series or a type clash is dropped, as
   * the exporter's collector drops it, instead of failing.
   */
  public static String renderAsServed(List<Sample> samples) {
    SnapshotBuilder builder = new SnapshotBuilder();
    samples.forEach(builder::add);
    return write(builder);
  }

  public static String render(List<Sample> samples) {
    SnapshotBuilder builder = new SnapshotBuilder();
    for (Sample sample : samples) {
      if (!builder.add(sample)) {
        throw new AssertionError("duplicate series or type clash: " + sample);
      }
    }
    return write(builder);
  }

  private static String write(SnapshotBuilder builder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PrometheusTextFormatWriter(false).write(out, builder.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
