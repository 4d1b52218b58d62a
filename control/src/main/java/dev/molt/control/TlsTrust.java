package dev.molt.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How a TLS client of the control channel recognises the node: either a trust store holding only
 * the node's certificate (no private key; see docs/control-channel.md for the keytool commands),
 * or the SHA-256 fingerprint of that certificate, pinned. Stateless; the contexts it makes are
 * for {@link ControlClient#connectTls}.
 */
public final class TlsTrust {
  private TlsTrust() {}

  /**
   * A client context that trusts the certificates of a trust store (PKCS#12 or JKS). A store that
   * holds a private key is refused: it is the node's key store, which must stay on the node (a
   * client with a copy of it could pose as the node); and so is a store with no certificate.
   */
  public static SSLContext trustStore(Path trustStore, char[] password) throws ControlException {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      requireCertificatesOnly(trustStore, store);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return context(trust.getTrustManagers());
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlException("cannot load the TLS trust store " + trustStore + ": " + e.getMessage()
          + "; check its path and password", e);
    }
  }

  private static void requireCertificatesOnly(Path path, KeyStore store) throws GeneralSecurityException,
      ControlException {
    int certificates = 0;
    for (String alias : java.util.Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        throw new ControlException(path + " holds a private key (alias " + alias + "): it is a key store, and the"
            + " node's private key must stay on the node; give clients a trust store with the certificate alone"
            + " (keytool -exportcert, then keytool -importcert; see docs/control-channel.md) or pin its"
            + " fingerprint");
      }
      if (store.isCertificateEntry(alias)) {
        certificates++;
      }
    }
    if (certificates == 0) {
      throw new ControlException(path + " holds no certificate, so it would trust no node; import the node's"
          + " certificate into it (keytool -importcert; see docs/control-channel.md)");
    }
  }

  /**
   * A client context that accepts exactly one server certificate: the one with this SHA-256
   * fingerprint, written as keytool prints it ({@code AB:CD:…}, or the whole line {@code SHA256:
   * AB:CD:…}; colons, spaces and case do not matter).
   */
  public static SSLContext pinned(String sha256Fingerprint) throws ControlException {
    byte[] pin = parse(sha256Fingerprint);
    if (pin.length != 32) {
      throw new ControlException("'" + sha256Fingerprint + "' is not a SHA-256 fingerprint; give the 32 bytes in hex"
          + " as keytool -list -v prints them (SHA256: AB:CD:...)");
    }
    try {
      return context(new TrustManager[] {new PinnedTrustManager(pin)});
    } catch (GeneralSecurityException e) {
      throw new ControlException("cannot make a TLS context: " + e.getMessage(), e);
    }
  }

  private static byte[] parse(String fingerprint) {
    String hex = fingerprint.strip().toLowerCase(Locale.ROOT);
    hex = hex.startsWith("sha256:") ? hex.substring("sha256:".length()) : hex;
    try {
      return HexFormat.of().parseHex(hex.replace(":", "").replace(" ", "").replace("\t", ""));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** The SHA-256 fingerprint of a certificate as keytool prints it: uppercase hex pairs joined by colons. */
  public static String fingerprint(Certificate certificate) throws ControlException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new ControlException("cannot fingerprint the certificate: " + e.getMessage(), e);
    }
  }

  private static SSLContext context(TrustManager[] trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, trust, null);
    return context;
  }

  /** Trusts the one certificate whose fingerprint was pinned, whoever signed it; nothing else. */
  private static final class PinnedTrustManager implements X509TrustManager {
    private final byte[] pin;

    PinnedTrustManager(byte[] pin) {
      this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      if (chain.length == 0) {
        throw new CertificateException("the server sent no certificate");
      }
      byte[] seen;
      try {
        seen = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new CertificateException("SHA-256 is required by every Java SE runtime", e);
      }
      if (!MessageDigest.isEqual(seen, pin)) {
        throw new CertificateException("the server's certificate has the SHA-256 fingerprint "
            + HexFormat.ofDelimiter(":").withUpperCase().formatHex(seen) + ", which does not match the pinned "
            + HexFormat.ofDelimiter(":").withUpperCase().formatHex(pin));
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a control client's trust manager does not check clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
