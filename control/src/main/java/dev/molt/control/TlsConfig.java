package dev.molt.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The optional TLS listener: a PKCS#12 (or JKS) key store holding the node's key and certificate,
 * and the address to bind, loopback unless configured otherwise. There is no plain TCP listener.
 * The same store serves a client as trust store (a self-signed certificate trusts itself).
 * Immutable; the password array is copied.
 */
public record TlsConfig(Path keyStore, char[] password, String host, int port) {
  public TlsConfig {
    Objects.requireNonNull(keyStore, "keyStore");
    password = password.clone();
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 0..65535");
    }
  }

  /** Loopback (127.0.0.1) on the given port; 0 picks a free port. */
  public static TlsConfig loopback(Path keyStore, char[] password, int port) {
    return new TlsConfig(keyStore, password, "127.0.0.1", port);
  }

  @Override
  public char[] password() {
    return password.clone();
  }

  /**
   * The SHA-256 fingerprint of the node's certificate (the first key entry's), for clients to pin
   * with {@link TlsTrust#pinned}; the node logs it when it starts.
   */
  public String certificateFingerprint() throws ControlException {
    try {
      KeyStore store = load();
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
          return TlsTrust.fingerprint(store.getCertificate(alias));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlException("cannot load the TLS key store " + keyStore + ": " + e.getMessage()
          + "; check the path and password of the control channel's TLS settings", e);
    }
    throw new ControlException("the TLS key store " + keyStore + " holds no key with a certificate; create one"
        + " with keytool -genkeypair (see docs/control-channel.md)");
  }

  private KeyStore load() throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      return store;
    }
  }

  /**
   * An SSL context with this store as key store and trust store. Clients should not use it: they
   * would need the node's private key. They use {@link TlsTrust} instead.
   */
  public SSLContext sslContext() throws ControlException {
    try {
      KeyStore store = load();
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlException("cannot load the TLS key store " + keyStore + ": " + e.getMessage()
          + "; check the path and password of the control channel's TLS settings", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsConfig t && keyStore.equals(t.keyStore) && Arrays.equals(password, t.password)
        && host.equals(t.host) && port == t.port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyStore, Arrays.hashCode(password), host, port);
  }

  @Override
  public String toString() {
    return "TlsConfig[keyStore=" + keyStore + ", host=" + host + ", port=" + port + "]";
  }
}
