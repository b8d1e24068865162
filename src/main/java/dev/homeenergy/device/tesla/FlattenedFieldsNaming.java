package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every numeric and boolean field of a {@code vehicle_data} object as a gauge named {@code
 * tesla_vehicle_<section>_<field>} (nested objects add their names; array elements get an {@code
 * index} label). Units are converted only where the field name tells them; see {@link
 * FlattenedFieldName}. The top-level identifiers {@code id}, {@code user_id} and {@code vehicle_id}
 * are skipped; when two fields sanitize to one series the first is kept.
 */
final class FlattenedFieldsNaming {
  private static final Set<String> IDENTIFIERS = Set.of("id", "user_id", "vehicle_id");

  void render(JsonNode raw, Labels labels, Samples.Builder out) {
    Set<String> seen = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> fields = raw.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!IDENTIFIERS.contains(field.getKey())) {
        walk(field.getValue(), List.of(field.getKey()), labels, seen, out);
      }
    }
  }

  private void walk(
      JsonNode node, List<String> path, Labels labels, Set<String> seen, Samples.Builder out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(f -> walk(f.getValue(), append(path, f.getKey()), labels, seen, out));
    } else if (node.isArray()) {
      if (labels.contains("index")) {
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path, labels.add("index", Integer.toString(i)), seen, out);
      }
    } else if ((node.isNumber() || node.isBoolean()) && FlattenedFieldName.nameable(path)) {
      FlattenedFieldName name = FlattenedFieldName.of(path, node.isBoolean());
      if (seen.add(name.family().name() + labels)) {
        double value =
            node.isBoolean() ? (node.booleanValue() ? 1 : 0) : node.doubleValue() * name.factor();
        out.add(name.family(), labels, value);
      }
    }
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return longer;
  }
}
