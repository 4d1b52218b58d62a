package dev.molt.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
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
  private final JsonNode node;
  private final String path;

  Fields(JsonNode node, String path) throws InvalidField {
    if (node == null || !node.isObject()) {
      throw new InvalidField(path, "must be a JSON object");
    }
    this.node = node;
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
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidField(path, "has unknown field(s) " + unknown + "; known: " + new TreeSet<>(allowed));
    }
  }

  String string(String name) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new InvalidField(at(name), "is missing");
    }
    if (!v.isTextual()) {
      throw new InvalidField(at(name), "must be a string, not " + v.getNodeType().name().toLowerCase());
    }
    return v.textValue();
  }

  Optional<String> optionalString(String name) throws InvalidField {
    return node.has(name) && !node.get(name).isNull() ? Optional.of(string(name)) : Optional.empty();
  }

  int integer(String name) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || !v.isInt()) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be an integer");
    }
    return v.intValue();
  }

  boolean bool(String name) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || !v.isBoolean()) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be true or false");
    }
    return v.booleanValue();
  }

  Fields object(String name) throws InvalidField {
    return new Fields(node.get(name), at(name));
  }

  Optional<Fields> optionalObject(String name) throws InvalidField {
    return node.has(name) && !node.get(name).isNull() ? Optional.of(object(name)) : Optional.empty();
  }

  List<Fields> objects(String name) throws InvalidField {
    List<Fields> out = new ArrayList<>();
    JsonNode array = array(name);
    for (int i = 0; i < array.size(); i++) {
      out.add(new Fields(array.get(i), at(name) + "[" + i + "]"));
    }
    return out;
  }

  List<String> strings(String name) throws InvalidField {
    List<String> out = new ArrayList<>();
    JsonNode array = node.has(name) ? array(name) : null;
    if (array == null) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isTextual()) {
        throw new InvalidField(at(name) + "[" + i + "]", "must be a string");
      }
      out.add(array.get(i).textValue());
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

  private JsonNode array(String name) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || !v.isArray()) {
      throw new InvalidField(at(name), v == null ? "is missing" : "must be an array");
    }
    return v;
  }

  private String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
