package dev.molt.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed JSON value, as produced by {@link StrictJson}: an immutable tree with no nulls (JSON's
 * {@code null} is {@link JsonNull#INSTANCE}). Object fields keep their order in the text.
 * Instances are immutable and thread-safe.
 */
public sealed interface JsonValue {

  /** The JSON type, as used in messages: object, array, string, number, boolean or null. */
  String typeName();

  /** A JSON object; field order is the order in the text. */
  record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
    public JsonObject {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The value of field {@code name}, empty when the object has no such field. */
    public Optional<JsonValue> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    @Override
    public String typeName() {
      return "object";
    }
  }

  /** A JSON array. */
  record JsonArray(List<JsonValue> items) implements JsonValue {
    public JsonArray {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public String typeName() {
      return "array";
    }
  }

  /** A JSON string, unescaped. */
  record JsonString(String value) implements JsonValue {
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** A JSON number, kept as written (it was checked against JSON's number grammar). */
  record JsonNumber(String text) implements JsonValue {
    public JsonNumber {
      Objects.requireNonNull(text, "text");
    }

    /** True when written without a fraction or exponent ({@code 12}, {@code -0}). */
    public boolean isIntegral() {
      return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    /** True when integral and within the range of {@code int}. */
    public boolean isInt() {
      if (!isIntegral() || text.length() > 11) {
        return false;
      }
      long v = Long.parseLong(text);
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /** The value; call only when {@link #isInt()}. */
    public int intValue() {
      return Integer.parseInt(text);
    }

    /** The value; call only when {@link #isIntegral()}. */
    public BigInteger bigIntegerValue() {
      return new BigInteger(text);
    }

    /** The exact value as written. */
    public BigDecimal decimalValue() {
      return new BigDecimal(text);
    }

    @Override
    public String typeName() {
      return "number";
    }
  }

  /** {@code true} or {@code false}. */
  record JsonBoolean(boolean value) implements JsonValue {
    @Override
    public String typeName() {
      return "boolean";
    }
  }

  /** JSON's {@code null}. */
  enum JsonNull implements JsonValue {
    INSTANCE;

    @Override
    public String typeName() {
      return "null";
    }
  }
}
