package dev.molt.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/** One open byte stream to a peer (Unix socket or TLS socket) with its frame reader and writer. */
final class Connection implements Closeable {
  final FrameReader reader;
  final FrameWriter writer;
  final String transport;
  final Optional<String> peer;
  /** The remote host address of a TCP peer, by which connections are budgeted; empty for Unix sockets. */
  final Optional<String> host;
  private final Closeable resource;

  Connection(InputStream in, OutputStream out, Closeable resource, String transport, Optional<String> peer) {
    this(in, out, resource, transport, peer, Optional.empty());
  }

  Connection(InputStream in, OutputStream out, Closeable resource, String transport, Optional<String> peer,
      Optional<String> host) {
    this.reader = new FrameReader(in);
    this.writer = new FrameWriter(out);
    this.resource = resource;
    this.transport = transport;
    this.peer = peer;
    this.host = host;
  }

  /**
   * A per-read limit for TCP sockets during the handshake (zero lifts it). Unix channels have no
   * such option; there the watchdog's {@link #abort} is the only limit.
   */
  void limitReads(Duration limit) throws IOException {
    if (resource instanceof Socket) {
      ((Socket) resource).setSoTimeout((int) Math.min(Integer.MAX_VALUE, limit.toMillis()));
    }
  }

  /**
   * Closes from another thread (the watchdog) to unblock a reader. Closing a TLS socket may wait
   * for a handshake in progress, so that happens on a throwaway thread, never on the watchdog.
   */
  void abort() {
    if (resource instanceof Socket) {
      Thread closer = new Thread(this::close, "molt-control-abort");
      closer.setDaemon(true);
      closer.start();
    } else {
      close();
    }
  }

  /**
   * Seals both directions with the session key once the handshake has succeeded; {@code self} is
   * this side's role ({@link Handshake#CLIENT} or {@link Handshake#SERVER}).
   */
  void seal(byte[] sessionKey, byte self) {
    byte peerRole = self == Handshake.CLIENT ? Handshake.SERVER : Handshake.CLIENT;
    writer.seal(new FrameSeal(sessionKey, self));
    reader.seal(new FrameSeal(sessionKey, peerRole));
  }

  /** Writes a frame, ignoring failure: used for the last word before closing a connection. */
  void tryWrite(Frame frame) {
    try {
      writer.write(frame);
    } catch (IOException | RuntimeException e) {
      // The peer is gone or the socket already closed; there is nobody left to tell.
    }
  }

  /** Idempotent; also unblocks a thread reading from this connection. */
  @Override
  public void close() {
    try {
      resource.close();
    } catch (IOException e) {
      // Closing a socket can only fail if it is already broken; nothing to recover.
    }
  }
}
