package dev.molt.format;

import dev.molt.format.JsonValue.JsonArray;
import dev.molt.format.JsonValue.JsonBoolean;
import dev.molt.format.JsonValue.JsonNull;
import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object strictly: wrong types, missing and unknown fields are errors
 * whose message names the path (e.g. {@code apps[2].dependsOn}).
 */
final class Fields {
  private final JsonObject node;
  private final String path;

  Fields(JsonValue node, String path) throws InvalidField {
    if (!(node instanceof JsonObject object)) {
      throw new InvalidField(path, "must be a JSON object");
    }
    this.node = object;
    this.path = path;
  }

  /** Signals one invalid field; turned into a {@link FormatException} naming the file. */
  static final class InvalidField extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidField(String path, String problem) {
      super((path.isEmpty() ? "top level" : path) + " " + problem);
    }
  }

  void allowOnly(String... names) throws InvalidField {
    Set<String> allowed = Set.of(names);
    Set<String> unknown = new TreeSet<>();
    for (String name : node.fields().keySet()) {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidField(path, "has unknown field(s) " + unknown + "; known: " + new TreeSet<>(allowed));
    }
  }

  String string(String name) throws InvalidField {
    JsonValue v = node.fields().get(name);
    if (v == null || v instanceof JsonNull) {
      throw new InvalidField(at(name), "is missing");
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidField(at(name), "must be a string, not " + v.typeName());
    }
    return s.value();
  }

  Optional<String> optionalString(String name) throws InvalidField {
    return isPresent(name) ? Optional.of(string(name)) : Optional.empty();
  }

  int integer(String name) throws InvalidField {
    JsonValue v = node.fields().get(name);
    if (!(v instanceof JsonNumber n) || !n.isInt()) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be an integer");
    }
    return n.intValue();
  }

  boolean bool(String name) throws InvalidField {
    JsonValue v = node.fields().get(name);
    if (!(v instanceof JsonBoolean b)) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be true or false");
    }
    return b.value();
  }

  Fields object(String name) throws InvalidField {
    return new Fields(node.fields().get(name), at(name));
  }

  Optional<Fields> optionalObject(String name) throws InvalidField {
    return isPresent(name) ? Optional.of(object(name)) : Optional.empty();
  }

  /** True when the field is there and not {@code null}. */
  boolean isPresent(String name) {
    JsonValue v = node.fields().get(name);
    return v != null && !(v instanceof JsonNull);
  }

  /** True when the field is there, even as {@code null}. */
  boolean has(String name) {
    return node.fields().containsKey(name);
  }

  List<Fields> objects(String name) throws InvalidField {
    List<Fields> out = new ArrayList<>();
    List<JsonValue> items = array(name);
    for (int i = 0; i < items.size(); i++) {
      out.add(new Fields(items.get(i), at(name) + "[" + i + "]"));
    }
    return out;
  }

  List<String> strings(String name) throws InvalidField {
    List<String> out = new ArrayList<>();
    if (!has(name)) {
      return out;
    }
    List<JsonValue> items = array(name);
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof JsonString s)) {
        throw new InvalidField(at(name) + "[" + i + "]", "must be a string");
      }
      out.add(s.value());
    }
    return out;
  }

  /** Builds a value, turning the constructor's IllegalArgumentException into an InvalidField. */
  <T> T build(Function<Fields, T> constructor) throws InvalidField {
    try {
      return constructor.apply(this);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidField(path, "is invalid: " + e.getMessage());
    }
  }

  String path() {
    return path;
  }

  private List<JsonValue> array(String name) throws InvalidField {
    JsonValue v = node.fields().get(name);
    if (!(v instanceof JsonArray a)) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be an array");
    }
    return a.items();
  }

  private String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
