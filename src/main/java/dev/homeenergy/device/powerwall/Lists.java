package dev.homeenergy.device.powerwall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Unmodifiable copies of parsed lists, which may hold JSON {@code null} elements. */
final class Lists {
  private Lists() {}

  static <T> List<T> copyWithNulls(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
