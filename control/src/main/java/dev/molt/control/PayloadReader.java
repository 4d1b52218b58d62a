package dev.molt.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a frame payload; every length and count is checked against the bytes that remain, so a
 * forged count cannot make it allocate or loop more than the payload itself allows.
 */
final class PayloadReader {
  private final FrameType type;
  private final ByteBuffer buffer;

  PayloadReader(Frame frame) {
    this.type = frame.type();
    this.buffer = ByteBuffer.wrap(frame.payload());
  }

  int u8() throws MalformedFrameException {
    need(1, "a byte");
    return buffer.get() & 0xFF;
  }

  int i32() throws MalformedFrameException {
    need(4, "an int");
    return buffer.getInt();
  }

  byte[] raw(int length) throws MalformedFrameException {
    need(length, length + " bytes");
    byte[] value = new byte[length];
    buffer.get(value);
    return value;
  }

  byte[] blob() throws MalformedFrameException {
    int length = i32();
    if (length < 0) {
      throw malformed("negative length " + length);
    }
    return raw(length);
  }

  String string() throws MalformedFrameException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(blob()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("a string that is not valid UTF-8");
    }
  }

  Optional<String> optionalString() throws MalformedFrameException {
    int flag = u8();
    if (flag > 1) {
      throw malformed("presence flag " + flag + " (expected 0 or 1)");
    }
    return flag == 1 ? Optional.of(string()) : Optional.empty();
  }

  List<String> strings() throws MalformedFrameException {
    int count = i32();
    // Each string takes at least its 4 length bytes: a larger count cannot be honest.
    if (count < 0 || count > buffer.remaining() / 4) {
      throw malformed("string count " + count + " does not fit in " + buffer.remaining() + " bytes");
    }
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(string());
    }
    return values;
  }

  /** Every payload must be consumed exactly: trailing bytes mean the peer and we disagree. */
  void end() throws MalformedFrameException {
    if (buffer.hasRemaining()) {
      throw malformed(buffer.remaining() + " unexpected trailing bytes");
    }
  }

  MalformedFrameException malformed(String what) {
    return new MalformedFrameException("malformed " + type + " frame: " + what);
  }

  private void need(int length, String what) throws MalformedFrameException {
    if (length < 0 || buffer.remaining() < length) {
      throw malformed("expected " + what + " but only " + buffer.remaining() + " bytes remain");
    }
  }
}
