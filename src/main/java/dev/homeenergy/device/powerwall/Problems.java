package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@code GET /api/troubleshooting/problems}. The element format of a non-empty list was
 * never captured, so elements are kept as JSON trees and only counted.
 */
public record Problems(@JsonProperty("problems") List<JsonNode> problems) {

  public Problems {
    problems = Lists.copyWithNulls(problems);
  }
}
