package dev.molt.kernel.control;

import dev.molt.control.TlsConfig;
import dev.molt.kernel.node.KernelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional TLS listener of the control channel, configured in {@code rel/jvm.options}:
 *
 * <pre>
 * -Dmolt.control.tls.port=4370               enables it (0: any free port, logged at boot)
 * -Dmolt.control.tls.keystore=etc/node.p12   PKCS#12 key store; relative to the release root
 * -Dmolt.control.tls.host=127.0.0.1          the address to bind (loopback by default)
 * </pre>
 *
 * <p>The key store's password comes from the environment variable {@code
 * MOLT_CONTROL_TLS_PASSWORD}, never from the command line (where {@code ps} would show it).
 */
final class TlsSettings {
  static final String PORT = "molt.control.tls.port";
  static final String KEYSTORE = "molt.control.tls.keystore";
  static final String HOST = "molt.control.tls.host";
  static final String PASSWORD_ENV = "MOLT_CONTROL_TLS_PASSWORD";

  private TlsSettings() {}

  /** Empty unless {@code molt.control.tls.port} is set. */
  static Optional<TlsConfig> read(Path root, Map<String, String> env) throws KernelException {
    String port = System.getProperty(PORT, "").strip();
    if (port.isEmpty()) {
      return Optional.empty();
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new KernelException("-D" + PORT + "=" + port + " is not a port number; set it to"
          + " 0..65535 in jvm.options, or remove it to have no TLS listener", e);
    }
    String store = System.getProperty(KEYSTORE, "").strip();
    if (store.isEmpty()) {
      throw new KernelException("-D" + PORT + " is set but -D" + KEYSTORE + " is not; give the"
          + " PKCS#12 key store with the node's key and certificate in jvm.options");
    }
    Path keyStore = root.resolve(store).normalize();
    if (!Files.isReadable(keyStore)) {
      throw new KernelException("the control channel's TLS key store " + keyStore + " cannot be"
          + " read; check -D" + KEYSTORE + " in jvm.options");
    }
    String password = env.getOrDefault(PASSWORD_ENV, "");
    if (password.isEmpty()) {
      throw new KernelException("the TLS listener needs the key store's password in the"
          + " environment variable " + PASSWORD_ENV + "; export it before starting the node");
    }
    try {
      return Optional.of(new TlsConfig(keyStore, password.toCharArray(),
          System.getProperty(HOST, "127.0.0.1").strip(), number));
    } catch (IllegalArgumentException e) {
      throw new KernelException("-D" + PORT + "=" + port + ": " + e.getMessage()
          + "; fix it in jvm.options", e);
    }
  }
}
