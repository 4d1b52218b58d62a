package dev.molt.signature;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/** The SSH wire encoding (RFC 4251 §5): big-endian uint32 and length-prefixed strings. */
final class Wire {
  private Wire() {}

  /** Writes wire values into a growing buffer. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer raw(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Writer uint32(int value) {
      return raw(ByteBuffer.allocate(4).putInt(value).array());
    }

    Writer string(byte[] bytes) {
      return uint32(bytes.length).raw(bytes);
    }

    Writer string(String utf8) {
      return string(utf8.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /**
   * Reads wire values; running past the end or a length that does not fit is reported through
   * {@code error}, which turns a short description into the caller's exception (key or signature).
   */
  static final class Reader {
    private final byte[] bytes;
    private final Function<String, SigningException> error;
    private int pos;

    Reader(byte[] bytes, Function<String, SigningException> error) {
      this.bytes = bytes;
      this.error = error;
    }

    byte[] raw(int length) throws SigningException {
      if (length < 0 || length > bytes.length - pos) {
        throw error.apply("truncated: " + length + " byte(s) expected at offset " + pos + " of "
            + bytes.length);
      }
      byte[] out = Arrays.copyOfRange(bytes, pos, pos + length);
      pos += length;
      return out;
    }

    int uint32() throws SigningException {
      return ByteBuffer.wrap(raw(4)).getInt();
    }

    byte[] string() throws SigningException {
      return raw(uint32());
    }

    String utf8() throws SigningException {
      return new String(string(), StandardCharsets.UTF_8);
    }

    /** Reads a string that must equal {@code expected}; {@code what} names it in the error. */
    void expect(String expected, String what) throws SigningException {
      String got = utf8();
      if (!got.equals(expected)) {
        throw error.apply(what + " is '" + printable(got) + "', expected '" + expected + "'");
      }
    }

    int remaining() {
      return bytes.length - pos;
    }

    SigningException error(String message) {
      return error.apply(message);
    }
  }

  /** {@code text} cut short and stripped of control characters, for error messages. */
  static String printable(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
