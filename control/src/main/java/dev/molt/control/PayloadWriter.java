package dev.molt.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Builds a frame payload from the few primitive shapes of the protocol (big-endian). */
final class PayloadWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  PayloadWriter u8(int value) {
    bytes.write(value);
    return this;
  }

  PayloadWriter i32(int value) {
    bytes.write(value >>> 24);
    bytes.write(value >>> 16);
    bytes.write(value >>> 8);
    bytes.write(value);
    return this;
  }

  PayloadWriter raw(byte[] value) {
    bytes.writeBytes(value);
    return this;
  }

  /** Length-prefixed bytes. */
  PayloadWriter blob(byte[] value) {
    return i32(value.length).raw(value);
  }

  PayloadWriter string(String value) {
    return blob(value.getBytes(StandardCharsets.UTF_8));
  }

  PayloadWriter optionalString(Optional<String> value) {
    return value.isPresent() ? u8(1).string(value.get()) : u8(0);
  }

  PayloadWriter strings(List<String> values) {
    i32(values.size());
    values.forEach(this::string);
    return this;
  }

  byte[] toBytes() {
    return bytes.toByteArray();
  }
}
