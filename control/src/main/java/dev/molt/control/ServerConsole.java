package dev.molt.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The server side of a console stream. Input is pulled from the socket only when the handler
 * reads, so one thread serves the whole connection; output goes out as STREAM_DATA frames at once.
 */
final class ServerConsole implements ConsoleStream {
  private final Connection connection;
  private final int chunkBytes;
  private final int maxFrameBytes;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in = new Input();
  private volatile boolean clientGone;
  private volatile ProtocolException protocolError;

  ServerConsole(Connection connection, int maxFrameBytes) {
    this.connection = connection;
    this.maxFrameBytes = maxFrameBytes;
    this.chunkBytes = Math.min(64 * 1024, maxFrameBytes - 8);
    this.out = new PrintStream(new Output(Messages.CHANNEL_OUT), true, StandardCharsets.UTF_8);
    this.err = new PrintStream(new Output(Messages.CHANNEL_ERR), true, StandardCharsets.UTF_8);
  }

  @Override
  public InputStream in() {
    return in;
  }

  @Override
  public PrintStream out() {
    return out;
  }

  @Override
  public PrintStream err() {
    return err;
  }

  /** A frame that broke the protocol mid-stream ends the connection once the handler returns. */
  void rethrowProtocolError() throws ProtocolException {
    if (protocolError != null) {
      throw protocolError;
    }
  }

  private final class Input extends InputStream {
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    @Override
    public synchronized int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      while (position == chunk.length) {
        if (ended || !nextChunk()) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - position);
      System.arraycopy(chunk, position, b, off, n);
      position += n;
      return n;
    }

    private boolean nextChunk() {
      try {
        Optional<Frame> frame = connection.reader.read(maxFrameBytes);
        if (frame.isEmpty() || frame.get().type() == FrameType.STREAM_END) {
          return false;
        }
        if (frame.get().type() != FrameType.STREAM_DATA) {
          throw new UnexpectedFrameException("unexpected " + frame.get().type() + " frame inside a console stream");
        }
        chunk = Messages.chunk(frame.get()).bytes();
        position = 0;
        return true;
      } catch (ProtocolException e) {
        protocolError = e;
        return false;
      } catch (IOException e) {
        clientGone = true;
        return false;
      }
    }
  }

  private final class Output extends OutputStream {
    private final int channel;

    Output(int channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int done = 0; done < len && !clientGone; done += chunkBytes) {
        try {
          connection.writer.write(Messages.chunk(channel, b, off + done, Math.min(chunkBytes, len - done)));
        } catch (IOException e) {
          clientGone = true;
        }
      }
    }
  }
}
