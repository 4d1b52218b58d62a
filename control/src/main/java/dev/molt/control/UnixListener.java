package dev.molt.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The Unix domain socket of a node: parent directory 0700 when created here, socket file 0600, a
 * stale socket from a dead node removed, a live one respected, the file deleted on close.
 */
final class UnixListener implements Listener {
  private final Path path;
  private final ServerSocketChannel server;

  private UnixListener(Path path, ServerSocketChannel server) {
    this.path = path;
    this.server = server;
  }

  static UnixListener bind(Path path) throws IOException, ControlException {
    Path parent = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      // Only a directory we create is forced to 0700: an existing one (even /tmp) is not ours to change.
      Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
    }
    removeStale(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    return new UnixListener(path, server);
  }

  private static void removeStale(Path path) throws IOException, ControlException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
      throw new ControlException(path + " exists and is not a socket; remove it or choose another socket path");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(path));
      throw new NodeAlreadyRunningException("another node is listening on " + path
          + "; stop it first (bin/<name> stop) or use another release root");
    } catch (IOException refused) {
      // Nobody answers: the socket file is left over from a node that died.
      Files.deleteIfExists(path);
    }
  }

  @Override
  public Connection accept() throws IOException {
    SocketChannel channel = server.accept();
    return new Connection(ChannelStreams.in(channel), ChannelStreams.out(channel), channel, transport(),
        peerOf(channel));
  }

  /** Without jdk.net in the runtime even loading PeerCredentials may fail; the peer is then unknown. */
  private static Optional<String> peerOf(SocketChannel channel) {
    try {
      return PeerCredentials.of(channel);
    } catch (LinkageError e) {
      return Optional.empty();
    }
  }

  @Override
  public String transport() {
    return "unix";
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Already closed or broken; the file is removed below either way.
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover socket file is harmless: the next start detects it as stale.
    }
  }
}
