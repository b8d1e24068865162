package dev.homeenergy.devicehttp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The bounds every JSON body from a device or a cloud API is read within, set in one place: a body
 * that nests too deep, has too many tokens or an absurd number, string or name fails to parse early
 * (as {@code parse}, worded by {@link FailureWords#json}) instead of costing the exporter its heap.
 * Real bodies stay far below each bound: the deepest nests about 8 levels, the largest (a PVS
 * DeviceList of 37 inverters, 31 KB) has about 4,000 tokens.
 *
 * <p>Every family builds its mappers from {@link #builder()} or takes {@link #mapper()}; each call
 * gets a factory of its own (a mapper claims its factory), all with {@link #CONSTRAINTS}.
 */
public final class DeviceJson {
  /** Levels of arrays and objects; real bodies nest under 10. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Tokens in one body: 25 times the largest real body. */
  public static final long MAX_TOKEN_COUNT = 100_000;

  /** Characters of one number. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Characters of one string value (JWTs, the longest real strings, are a few KB). */
  public static final int MAX_STRING_LENGTH = 256 * 1024;

  /** Characters of one field name. */
  public static final int MAX_NAME_LENGTH = 1024;

  /** The whole document: never more than a body may be. */
  public static final long MAX_DOCUMENT_LENGTH = BoundedBody.DEFAULT_MAX_BYTES;

  /** The bounds above, as Jackson applies them while reading. */
  public static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxTokenCount(MAX_TOKEN_COUNT)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
          .build();

  private DeviceJson() {}

  /** A JSON factory reading within {@link #CONSTRAINTS}. */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  }

  /** A mapper builder on a bounded factory, for a family that sets features of its own. */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder(factory());
  }

  /** A mapper with Jackson's default features, reading within {@link #CONSTRAINTS}. */
  public static ObjectMapper mapper() {
    return builder().build();
  }
}
