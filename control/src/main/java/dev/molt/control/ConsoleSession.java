package dev.molt.control;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client side of an interactive stream. One thread may write {@link #input()} while another
 * runs {@link #await}; {@code await} returns the node's closing response.
 */
public final class ConsoleSession {
  private final ControlClient client;
  private final Connection connection;
  private final int chunkBytes;
  private final OutputStream input;
  private volatile boolean inputClosed;

  ConsoleSession(ControlClient client, Connection connection, int maxFrameBytes) {
    this.client = client;
    this.connection = connection;
    this.chunkBytes = Math.min(64 * 1024, maxFrameBytes - 8);
    this.input = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; done += chunkBytes) {
          connection.writer.write(Messages.chunk(Messages.CHANNEL_OUT, b, off + done, Math.min(chunkBytes, len - done)));
        }
      }

      @Override
      public void close() throws IOException {
        closeInput();
      }
    };
  }

  /** What the user types, sent as it is written (no buffering). */
  public OutputStream input() {
    return input;
  }

  /** Tells the node the input ended (the user pressed Ctrl-D); idempotent. */
  public void closeInput() throws IOException {
    if (!inputClosed) {
      inputClosed = true;
      connection.writer.write(Frame.empty(FrameType.STREAM_END));
    }
  }

  /** Copies the node's output to {@code out} and {@code err} until the stream ends; returns its response. */
  public Response await(OutputStream out, OutputStream err) throws ControlException {
    while (true) {
      Frame frame = client.readFrame();
      if (frame.type() == FrameType.RESPONSE) {
        client.streamEnded();
        return decoded(() -> Messages.response(frame));
      }
      if (frame.type() != FrameType.STREAM_DATA) {
        client.close();
        throw new ProtocolException("the node sent a " + frame.type() + " frame inside a console stream");
      }
      Messages.Chunk chunk = decoded(() -> Messages.chunk(frame));
      OutputStream target = chunk.channel() == Messages.CHANNEL_ERR ? err : out;
      try {
        target.write(chunk.bytes());
        target.flush();
      } catch (IOException e) {
        client.close();
        throw new ConnectionClosedException("cannot write the console output: " + e.getMessage(), e);
      }
    }
  }

  private interface Decoder<T> {
    T decode() throws ProtocolException;
  }

  /** A payload the client cannot read leaves the session in an unknown state: close it. */
  private <T> T decoded(Decoder<T> decoder) throws ProtocolException {
    try {
      return decoder.decode();
    } catch (ProtocolException e) {
      client.close();
      throw e;
    }
  }
}
