package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits that keep a broken or hostile file from exhausting the kernel's memory or stack. */
class StrictJsonLimitsTest {
  @TempDir Path dir;

  static Optional<JsonValue> parse(String text) throws JsonSyntaxException {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_hugeExponent_refusedNamingLineAndLimit() {
    assertThatThrownBy(() -> parse("{\n\"n\": 1e2000000000}")).isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("exponent beyond +-1000 (limit MAX_EXPONENT) at line 2");
    assertThatThrownBy(() -> parse("1e-1001")).hasMessageContaining("limit MAX_EXPONENT");
    assertThatThrownBy(() -> parse("1e00000000000")).hasMessageContaining("limit MAX_EXPONENT");
  }

  @Test
  void parse_exponentAtTheLimit_accepted() throws Exception {
    assertThat(parse("[1e1000, -2.5E-1000, 1e+0999]")).isPresent();
  }

  @Test
  void parse_numberDigits_cappedAtOneHundred() throws Exception {
    String hundred = "1" + "0".repeat(99);
    assertThat(parse(hundred)).contains(new JsonNumber(hundred));
    assertThat(parse("1." + "0".repeat(98))).isPresent();
    assertThatThrownBy(() -> parse(hundred + "0")).hasMessageContaining("more than 100 digits (limit MAX_NUMBER_DIGITS)");
    assertThatThrownBy(() -> parse("1." + "0".repeat(100))).hasMessageContaining("limit MAX_NUMBER_DIGITS");
  }

  @Test
  void parse_stringLength_capped() throws Exception {
    String max = "x".repeat(StrictJson.MAX_STRING_CHARS);
    assertThat(parse("\"" + max + "\"")).contains(new JsonString(max));
    assertThatThrownBy(() -> parse("\"" + max + "x\"")).hasMessageContaining("limit MAX_STRING_CHARS");
    assertThatThrownBy(() -> parse("{\"" + max + "x\": 1}")).hasMessageContaining("limit MAX_STRING_CHARS");
  }

  @Test
  void parse_loneSurrogates_refused() throws Exception {
    assertThat(parse("\"\\ud83d\\ude00\"")).contains(new JsonString("\ud83d\ude00"));
    assertThatThrownBy(() -> parse("\"\\ud800\"")).hasMessageContaining("lone high surrogate \\ud800");
    assertThatThrownBy(() -> parse("\"\\ud800x\"")).hasMessageContaining("lone high surrogate");
    assertThatThrownBy(() -> parse("\"\\ud800\\u0041\"")).hasMessageContaining("\\u41 is not a low surrogate");
    assertThatThrownBy(() -> parse("{\"a\":\n\"\\udc00\"}")).hasMessageContaining("lone low surrogate \\udc00")
        .hasMessageContaining("at line 2");
  }

  @Test
  void parse_fileOverTheCallersLimit_refusedBeforeParsing() throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"a\": \"" + "x".repeat(100) + "\"}");
    assertThat(StrictJson.parse(file, 200)).containsInstanceOf(JsonObject.class);
    assertThatThrownBy(() -> StrictJson.parse(file, 50)).isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("larger than the limit of 50 bytes");
  }

  @Test
  void readRelease_overSixteenMebibytes_namesFileAndLimit() throws Exception {
    Path file = dir.resolve("release.json");
    Files.write(file, new byte[StrictJson.MAX_RELEASE_FILE_BYTES + 1]);
    assertThatThrownBy(() -> Formats.readRelease(file)).isInstanceOf(FormatException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("limit of 16777216 bytes");
  }
}
