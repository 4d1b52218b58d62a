package dev.molt.control;

import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes the payloads of the typed frames. */
final class Messages {
  /** An ERROR frame's content. */
  record Error(ErrorCode code, String message) {}

  /** A STREAM_DATA frame's content: channel 0 is stdin/stdout, 1 is stderr. */
  record Chunk(int channel, byte[] bytes) {}

  static final int CHANNEL_OUT = 0;
  static final int CHANNEL_ERR = 1;

  private Messages() {}

  static Frame request(FrameType type, Request request) {
    return new Frame(type, new PayloadWriter().string(request.command()).strings(request.args())
        .optionalString(request.input()).toBytes());
  }

  static Request request(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    String command = in.string();
    List<String> args = in.strings();
    var input = in.optionalString();
    in.end();
    if (command.isBlank()) {
      throw in.malformed("blank command");
    }
    return new Request(command, args, input);
  }

  static Frame response(Response response) {
    PayloadWriter out = new PayloadWriter().u8(response.status().ordinal()).i32(response.exitCode())
        .string(response.output()).string(response.error()).i32(response.thrown().size());
    for (RemoteThrowable t : response.thrown()) {
      out.string(t.className()).optionalString(t.message());
    }
    return new Frame(FrameType.RESPONSE, out.toBytes());
  }

  static Response response(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    int status = in.u8();
    if (status >= Response.Status.values().length) {
      throw in.malformed("unknown status " + status);
    }
    int exitCode = in.i32();
    String output = in.string();
    String error = in.string();
    int count = in.i32();
    if (count < 0 || count > frame.payload().length / 5) {
      throw in.malformed("cause count " + count);
    }
    List<RemoteThrowable> thrown = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      thrown.add(new RemoteThrowable(in.string(), in.optionalString()));
    }
    in.end();
    return new Response(Response.Status.values()[status], output, error, exitCode, thrown);
  }

  static Frame error(ErrorCode code, String message) {
    return new Frame(FrameType.ERROR, new PayloadWriter().u8(code.code).string(message).toBytes());
  }

  static Error error(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    Error error = new Error(ErrorCode.ofCode(in.u8()), in.string());
    in.end();
    return error;
  }

  static Frame chunk(int channel, byte[] bytes, int offset, int length) {
    byte[] copy = new byte[length];
    System.arraycopy(bytes, offset, copy, 0, length);
    return new Frame(FrameType.STREAM_DATA, new PayloadWriter().u8(channel).blob(copy).toBytes());
  }

  static Chunk chunk(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    int channel = in.u8();
    if (channel > CHANNEL_ERR) {
      throw in.malformed("unknown channel " + channel);
    }
    Chunk chunk = new Chunk(channel, in.blob());
    in.end();
    return chunk;
  }

  /** HELLO, CHALLENGE and AUTH carry exactly one 32-byte value. */
  static byte[] fixed(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    byte[] value = in.raw(Protocol.NONCE_BYTES);
    in.end();
    return value;
  }

  /** OK: the server's proof and the largest payload it accepts. */
  record Welcome(byte[] proof, int maxFrameBytes) {}

  static Frame welcome(byte[] proof, int maxFrameBytes) {
    return new Frame(FrameType.OK, new PayloadWriter().raw(proof).i32(maxFrameBytes).toBytes());
  }

  static Welcome welcome(Frame frame) throws MalformedFrameException {
    PayloadReader in = new PayloadReader(frame);
    Welcome welcome = new Welcome(in.raw(Protocol.NONCE_BYTES), in.i32());
    in.end();
    if (welcome.maxFrameBytes() < Protocol.HANDSHAKE_MAX_FRAME_BYTES) {
      throw in.malformed("frame limit " + welcome.maxFrameBytes());
    }
    return welcome;
  }
}
