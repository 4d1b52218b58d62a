package dev.molt.format;

import dev.molt.format.JsonValue.JsonArray;
import dev.molt.format.JsonValue.JsonBoolean;
import dev.molt.format.JsonValue.JsonNull;
import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict JSON reader (RFC 8259) for Molt's small files. It exists so that the kernel can read
 * release.json and config.json at boot without Jackson's databind, whose start-up cost most of
 * the kernel's boot time; it loads a handful of classes.
 *
 * <p>Strict: UTF-8 only (a leading byte order mark is skipped), no comments, no trailing commas,
 * no single quotes, no NaN, no leading zeros, no unescaped control characters in strings, no
 * duplicate field names, no lone UTF-16 surrogates in unicode escapes, nothing but white space
 * after the value. Thread-safe (stateless).
 *
 * <p>Bounded: these files are read by the kernel at boot and on {@code reload_config}, so a
 * broken or hostile file must fail fast instead of exhausting memory or the stack. Every limit
 * is refused with an error naming the line and the limit (docs/formats.md).
 */
public final class StrictJson {
  /** Deeper nesting is refused rather than risking a stack overflow. */
  public static final int MAX_DEPTH = 100;
  /** The longest string, field name or value, in UTF-16 chars (64 Ki). */
  public static final int MAX_STRING_CHARS = 65_536;
  /** The most digits of a number, integer and fraction parts together. */
  public static final int MAX_NUMBER_DIGITS = 100;
  /**
   * The largest exponent magnitude. With {@link #MAX_NUMBER_DIGITS} it keeps a number's plain
   * text under about 1 100 chars: {@code 1e2000000000} would take 2 GB to print.
   */
  public static final int MAX_EXPONENT = 1000;
  /** The largest {@code config.json} the kernel reads (1 MiB). */
  public static final int MAX_CONFIG_BYTES = 1 << 20;
  /** The largest release file: release.json, RELEASES.json, appups, relups (16 MiB). */
  public static final int MAX_RELEASE_FILE_BYTES = 16 << 20;

  private final String text;
  private int pos;
  private int depth;

  private StrictJson(String text) {
    this.text = text;
  }

  /**
   * Parses {@code bytes} as one JSON value.
   *
   * @return the value, or empty when the text is empty or only white space
   * @throws JsonSyntaxException naming the problem and its line
   */
  public static Optional<JsonValue> parse(byte[] bytes) throws JsonSyntaxException {
    StrictJson reader = new StrictJson(decode(bytes));
    reader.skipSpace();
    if (reader.atEnd()) {
      return Optional.empty();
    }
    JsonValue value = reader.value();
    reader.skipSpace();
    if (!reader.atEnd()) {
      throw reader.error("unexpected " + reader.describeNext() + " after the end of the value");
    }
    return Optional.of(value);
  }

  /**
   * Reads and parses {@code file}, refusing one larger than {@code maxBytes} before reading it
   * all (for example {@link #MAX_CONFIG_BYTES}).
   *
   * @return the value, or empty when the file is empty or only white space
   * @throws JsonSyntaxException invalid JSON or a limit passed; the caller names the file
   * @throws IOException the file cannot be read ({@code NoSuchFileException} when missing)
   */
  public static Optional<JsonValue> parse(Path file, int maxBytes)
      throws IOException, JsonSyntaxException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new JsonSyntaxException("the file is larger than the limit of " + maxBytes
          + " bytes; a file that big is not one Molt wrote", 1);
    }
    return parse(bytes);
  }

  private static String decode(byte[] bytes) throws JsonSyntaxException {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new JsonSyntaxException("the text is not UTF-8", 1);
    }
  }

  private JsonValue value() throws JsonSyntaxException {
    if (atEnd()) {
      throw error("unexpected end of input: expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return new JsonString(string());
      case 't':
        return literal("true", new JsonBoolean(true));
      case 'f':
        return literal("false", new JsonBoolean(false));
      case 'n':
        return literal("null", JsonNull.INSTANCE);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected " + describeNext() + ": expected a value (string, number, object,"
            + " array, true, false or null)");
    }
  }

  private JsonValue object() throws JsonSyntaxException {
    enter();
    pos++; // '{'
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    skipSpace();
    if (consume('}')) {
      depth--;
      return new JsonObject(fields);
    }
    do {
      skipSpace();
      if (atEnd() || text.charAt(pos) != '"') {
        throw error("unexpected " + describeNext() + ": expected a field name in double quotes");
      }
      int nameLine = line(pos);
      String name = string();
      skipSpace();
      expect(':', "a ':' after the field name");
      skipSpace();
      if (fields.put(name, value()) != null) {
        throw new JsonSyntaxException("duplicate field \"" + name + "\"", nameLine);
      }
      skipSpace();
    } while (consume(','));
    expect('}', "',' or '}' in an object");
    depth--;
    return new JsonObject(fields);
  }

  private JsonValue array() throws JsonSyntaxException {
    enter();
    pos++; // '['
    List<JsonValue> items = new ArrayList<>();
    skipSpace();
    if (consume(']')) {
      depth--;
      return new JsonArray(items);
    }
    do {
      skipSpace();
      items.add(value());
      skipSpace();
    } while (consume(','));
    expect(']', "',' or ']' in an array");
    depth--;
    return new JsonArray(items);
  }

  private String string() throws JsonSyntaxException {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unexpected end of input inside a string");
      }
      if (out.length() > MAX_STRING_CHARS) {
        throw error("a string longer than " + MAX_STRING_CHARS + " chars (limit MAX_STRING_CHARS)");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      } else if (c == '\\') {
        escape(out);
      } else if (c < 0x20) {
        pos--;
        throw error("control character (code " + (int) c + ") in a string; escape it");
      } else {
        out.append(c);
      }
    }
  }

  private void escape(StringBuilder out) throws JsonSyntaxException {
    if (atEnd()) {
      throw error("unexpected end of input inside a string");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"': case '\\': case '/': out.append(c); return;
      case 'b': out.append('\b'); return;
      case 'f': out.append('\f'); return;
      case 'n': out.append('\n'); return;
      case 'r': out.append('\r'); return;
      case 't': out.append('\t'); return;
      case 'u': unicode(out); return;
      default:
        pos--;
        throw error("unknown escape '\\" + c + "' in a string");
    }
  }

  /** A unicode escape (backslash, u, four hex digits); a surrogate must come as a high-low pair, as UTF-8 cannot hold one alone. */
  private void unicode(StringBuilder out) throws JsonSyntaxException {
    char code = hex4();
    if (Character.isLowSurrogate(code)) {
      throw error("lone low surrogate \\u" + Integer.toHexString(code) + " in a string");
    }
    if (Character.isHighSurrogate(code)) {
      if (!text.startsWith("\\u", pos)) {
        throw error("lone high surrogate \\u" + Integer.toHexString(code)
            + " in a string: it must be followed by a \\u escape of a low surrogate");
      }
      pos += 2;
      char low = hex4();
      if (!Character.isLowSurrogate(low)) {
        throw error("lone high surrogate \\u" + Integer.toHexString(code)
            + " in a string: \\u" + Integer.toHexString(low) + " is not a low surrogate");
      }
      out.append(code).append(low);
      return;
    }
    out.append(code);
  }

  private char hex4() throws JsonSyntaxException {
    if (pos + 4 > text.length()) {
      throw error("unexpected end of input in a \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw error("\\u must be followed by four hex digits");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private JsonValue number() throws JsonSyntaxException {
    int start = pos;
    consume('-');
    int digits = pos;
    if (consume('0')) {
      if (digitAhead()) {
        throw error("leading zeros are not allowed in a number");
      }
    } else if (!digits()) {
      throw error("'-' must be followed by a digit");
    }
    int integer = pos - digits;
    if (consume('.')) {
      int fraction = pos;
      if (!digits()) {
        throw error("a decimal point must be followed by a digit");
      }
      integer += pos - fraction;
    }
    if (integer > MAX_NUMBER_DIGITS) {
      throw error("a number with more than " + MAX_NUMBER_DIGITS + " digits (limit MAX_NUMBER_DIGITS)");
    }
    if (consume('e') || consume('E')) {
      exponent();
    }
    return new JsonNumber(text.substring(start, pos));
  }

  /** Reads the exponent's digits without building a big number from them. */
  private void exponent() throws JsonSyntaxException {
    if (!consume('+')) {
      consume('-');
    }
    int start = pos;
    long value = 0;
    while (digitAhead()) {
      value = Math.min(value * 10 + (text.charAt(pos++) - '0'), Integer.MAX_VALUE);
    }
    if (pos == start) {
      throw error("an exponent must have digits");
    }
    if (value > MAX_EXPONENT || pos - start > 10) {
      throw error("an exponent beyond +-" + MAX_EXPONENT + " (limit MAX_EXPONENT)");
    }
  }

  private boolean digits() {
    int start = pos;
    while (digitAhead()) {
      pos++;
    }
    return pos > start;
  }

  private boolean digitAhead() {
    return !atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
  }

  private JsonValue literal(String word, JsonValue value) throws JsonSyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeNext() + ": expected a value (string, number, object,"
          + " array, true, false or null)");
    }
    pos += word.length();
    return value;
  }

  private void enter() throws JsonSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels (limit MAX_DEPTH)");
    }
  }

  private void expect(char c, String what) throws JsonSyntaxException {
    if (!consume(c)) {
      throw error("unexpected " + describeNext() + ": expected " + what);
    }
  }

  private boolean consume(char c) {
    if (!atEnd() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  /** The next token for a message: a short quoted excerpt, or "end of input". */
  private String describeNext() {
    if (atEnd()) {
      return "end of input";
    }
    int end = pos;
    while (end < text.length() && end - pos < 20 && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return "'" + text.substring(pos, Math.max(end, pos + 1)) + "'";
  }

  private JsonSyntaxException error(String detail) {
    return new JsonSyntaxException(detail, line(pos));
  }

  private int line(int at) {
    int line = 1;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
