package dev.molt.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.molt.format.JsonValue;
import dev.molt.format.JsonValue.JsonArray;
import dev.molt.format.JsonValue.JsonBoolean;
import dev.molt.format.JsonValue.JsonNull;
import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate replacement of StrictJson: jackson-core's streaming parser alone (no databind),
 * with the same limits and duplicate detection, building the same {@link JsonValue} tree.
 */
final class JacksonTrees {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100)
          .maxNumberLength(100).maxStringLength(65_536).maxDocumentLength(16L << 20).build())
      .build();

  private JacksonTrees() {}

  static JsonValue parse(byte[] bytes) throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      p.nextToken();
      JsonValue v = value(p);
      if (p.nextToken() != null) {
        throw new IOException("text after the value");
      }
      return v;
    }
  }

  private static JsonValue value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          fields.put(name, value(p));
        }
        return new JsonObject(fields);
      }
      case START_ARRAY: {
        List<JsonValue> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        return new JsonArray(items);
      }
      case VALUE_STRING: return new JsonString(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return new JsonNumber(p.getText());
      case VALUE_TRUE: return new JsonBoolean(true);
      case VALUE_FALSE: return new JsonBoolean(false);
      case VALUE_NULL: return JsonNull.INSTANCE;
      default: throw new IOException("unexpected token " + t);
    }
  }
}
