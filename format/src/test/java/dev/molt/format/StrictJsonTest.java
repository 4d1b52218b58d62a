package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.format.JsonValue.JsonArray;
import dev.molt.format.JsonValue.JsonBoolean;
import dev.molt.format.JsonValue.JsonNull;
import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  /** The reader Molt used before StrictJson, configured as it was. */
  private static final ObjectMapper JACKSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

  private static Optional<JsonValue> parse(String text) throws JsonSyntaxException {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "\"x\"", "0", "-0", "12", "-12.5e-3", "1E+2", "0.25", "2147483647",
      "2147483648", "123456789012345678901234567890", "true", "false", "null",
      "{\"a\": [1, {\"b\": null}, \"c\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"], \"d\": {}}",
      " \n\t\r{\"x\" : \"\u00e9\u4e2d\"} \n", "\uFEFF{\"bom\": 1}", "[[[[[]]]]]"})
  void parse_validJson_givesTheSameTreeAsJackson(String text) throws Exception {
    JsonValue ours = parse(text).orElseThrow();
    JsonNode theirs = JACKSON.readTree(text.getBytes(StandardCharsets.UTF_8));
    assertThat(normalized(ours)).isEqualTo(fromJackson(theirs));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,}", "[1,]", "{\"a\":01}", "{\"a\":-}", "{\"a\": 1.}", "{\"a\": .5}",
      "{\"a\": +1}", "{\"a\": 1e}", "{\"a\":\"\t\"}", "{\"a\":NaN}", "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12G4\"}", "{\"a\":1, \"a\":2}", "{\"a\":\n  tru}", "{'a':1}",
      "{\"a\":1 /*c*/}", "{\"a\":[1 2]}", "{\"a\" 1}", "{a:1}", "{\"a\":1", "[1", "\"abc",
      "{\"a\":{\"b\":1,\"b\":2}}", "[1,,2]", "}", "nul", "True"})
  void parse_invalidJson_isRejectedLikeJackson(String text) {
    assertThatThrownBy(() -> JACKSON.readTree(text.getBytes(StandardCharsets.UTF_8)))
        .as("Jackson rejects %s", text).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> parse(text)).isInstanceOf(JsonSyntaxException.class)
        .hasMessageStartingWith("not valid JSON (").hasMessageContaining(" at line ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} x", "{} {}", "{\"a\":1}\n]"})
  void parse_contentAfterTheValue_isRejectedWhereJacksonIgnoredIt(String text) throws Exception {
    assertThat(JACKSON.readTree(text.getBytes(StandardCharsets.UTF_8)).isObject()).isTrue();
    assertThatThrownBy(() -> parse(text)).isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("after the end of the value");
  }

  @Test
  void parse_emptyOrBlank_isEmpty() throws Exception {
    assertThat(parse("")).isEmpty();
    assertThat(parse(" \n\t ")).isEmpty();
  }

  @Test
  void parse_errors_nameTheProblemAndLine() {
    assertThatThrownBy(() -> parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
          assertThat(e.detail()).isEqualTo("duplicate field \"a\"");
          assertThat(e.line()).isEqualTo(3);
        });
    assertThatThrownBy(() -> parse("{\n\"a\": tru\n}"))
        .hasMessage("not valid JSON (unexpected 'tru': expected a value (string, number, object,"
            + " array, true, false or null) at line 2)");
    assertThatThrownBy(() -> parse("{\"a\": 1,}"))
        .hasMessageContaining("unexpected '}': expected a field name in double quotes");
  }

  @Test
  void parse_notUtf8_isRejected() {
    byte[] latin1 = "{\"a\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> StrictJson.parse(latin1)).hasMessageContaining("not UTF-8");
  }

  @Test
  void parse_deepNesting_isRefusedWithoutStackOverflow() {
    String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
    assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nesting deeper than 100 levels (limit MAX_DEPTH)");
  }

  @Test
  void number_intRangeAndIntegral() {
    assertThat(new JsonNumber("2147483647").isInt()).isTrue();
    assertThat(new JsonNumber("-2147483648").isInt()).isTrue();
    assertThat(new JsonNumber("2147483648").isInt()).isFalse();
    assertThat(new JsonNumber("99999999999999999999").isInt()).isFalse();
    assertThat(new JsonNumber("1.0").isInt()).isFalse();
    assertThat(new JsonNumber("1e2").isIntegral()).isFalse();
  }

  /** Jackson's tree in our model, so that the two readers can be compared value for value. */
  static JsonValue fromJackson(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      n.properties().forEach(e -> fields.put(e.getKey(), fromJackson(e.getValue())));
      return new JsonObject(fields);
    }
    if (n.isArray()) {
      List<JsonValue> items = new ArrayList<>();
      n.forEach(item -> items.add(fromJackson(item)));
      return new JsonArray(items);
    }
    if (n.isTextual()) {
      return new JsonString(n.textValue());
    }
    if (n.isBoolean()) {
      return new JsonBoolean(n.booleanValue());
    }
    if (n.isNull()) {
      return JsonNull.INSTANCE;
    }
    String value = n.isIntegralNumber() ? n.bigIntegerValue().toString()
        : BigDecimal.valueOf(n.doubleValue()).toPlainString();
    return new JsonString("number " + (n.isInt() ? "int " : "") + value);
  }

  /** Our tree with numbers as Jackson's tree holds them (a fraction goes through a double). */
  static JsonValue normalized(JsonValue v) {
    if (v instanceof JsonObject o) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      o.fields().forEach((k, f) -> fields.put(k, normalized(f)));
      return new JsonObject(fields);
    }
    if (v instanceof JsonArray a) {
      return new JsonArray(a.items().stream().map(StrictJsonTest::normalized).toList());
    }
    if (v instanceof JsonNumber n) {
      String value = n.isIntegral() ? n.bigIntegerValue().toString()
          : BigDecimal.valueOf(Double.parseDouble(n.text())).toPlainString();
      return new JsonString("number " + (n.isInt() ? "int " : "") + value);
    }
    return v;
  }
}
