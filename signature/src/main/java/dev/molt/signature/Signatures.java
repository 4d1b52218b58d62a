package dev.molt.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The front door of Molt's signatures: Ed25519 keys and signatures in OpenSSH's own formats, so
 * that {@code ssh-keygen} makes keys Molt uses and checks signatures Molt makes
 * ({@code ssh-keygen -Y verify}), and the other way round.
 *
 * <ul>
 *   <li>keys: {@link #generate}, {@link #writeKeyPair} ({@code <name>} 0600 and {@code <name>.pub}),
 *       {@link #readPrivateKey} (unencrypted openssh-key-v1), {@link #readPublicKey} and {@link
 *       #parsePublicKey} ({@code ssh-ed25519 AAAA… comment}), {@link #readTrustedKeys};
 *   <li>signatures: {@link #sign} writes {@code <file>.sig} (SSHSIG, sha512), {@link #verify} checks
 *       one against trusted keys, {@link #verifyPackage} is the node's check of an upgrade package.
 * </ul>
 *
 * <p>Arguments must not be null and nothing returned is null. All methods are stateless and
 * thread-safe. Failures are {@link SigningException}s whose subclasses name the cause; a failed
 * call leaves no partial file behind.
 */
public final class Signatures {
  /** The namespace of upgrade package signatures ({@code ssh-keygen -n}). */
  public static final String UPGRADE_PACKAGE_NAMESPACE = "molt-upgrade-package";
  /** The environment variable naming the signing key file, for CI secrets. */
  public static final String SIGNING_KEY_ENV = "MOLT_SIGNING_KEY_FILE";

  private Signatures() {}

  /** A new key pair from the JDK's secure random source, labelled {@code comment}. */
  public static SshKeyPair generate(String comment) {
    KeyPair pair = Ed25519.generate();
    return SshKeyPair.of((EdECPublicKey) pair.getPublic(), (EdECPrivateKey) pair.getPrivate(), comment);
  }

  /**
   * Writes the private key to {@code file} (openssh-key-v1, unencrypted, mode 0600 from creation)
   * and its public key line to {@code file.pub}.
   *
   * @throws KeyFileException when either file exists (nothing is written) or cannot be written
   */
  public static void writeKeyPair(Path file, SshKeyPair pair) throws SigningException {
    KeyFiles.writeKeyPair(file, pair);
  }

  /**
   * Reads an unencrypted OpenSSH private key ({@code -----BEGIN OPENSSH PRIVATE KEY-----}) holding
   * one ssh-ed25519 key.
   *
   * @throws EncryptedKeyException when the key has a passphrase
   * @throws KeyFileException when the file is unreadable, malformed or of another key type
   */
  public static SshKeyPair readPrivateKey(Path file) throws SigningException {
    return KeyFiles.readPrivateKey(file);
  }

  /** Reads the first key line of a {@code .pub} file (blank and {@code #} lines are skipped). */
  public static SshPublicKey readPublicKey(Path file) throws SigningException {
    return KeyFiles.readPublicKey(file);
  }

  /** Parses {@code ssh-ed25519 AAAA… [comment]}; {@code source} names it in errors. */
  public static SshPublicKey parsePublicKey(String line, String source) throws KeyFileException {
    return KeyFiles.parseLine(line, source);
  }

  /**
   * The keys of every {@code *.pub} file in {@code dir}, in file name order; empty when {@code dir}
   * does not exist. Any file that is not an ssh-ed25519 public key fails the whole call.
   */
  public static List<SshPublicKey> readTrustedKeys(Path dir) throws SigningException {
    return KeyFiles.trustedKeys(dir);
  }

  /** {@code <file>.sig}: where {@link #sign} writes the signature of {@code file}. */
  public static Path signatureOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".sig");
  }

  /**
   * Signs {@code file} (hashed in a stream with SHA-512) for {@code namespace} and writes the
   * armored SSH signature to {@link #signatureOf}{@code (file)}, replacing an older one atomically.
   *
   * @return the signature file
   */
  public static Path sign(Path file, SshKeyPair key, String namespace) throws SigningException {
    Path sig = signatureOf(file);
    Path tmp = sig.resolveSibling("." + sig.getFileName() + ".tmp");
    try {
      byte[] hash = FileHash.of(file, SshSig.HASHES.get(SshSig.DEFAULT_HASH));
      Files.writeString(tmp, SshSig.encode(key, namespace, hash));
      Files.move(tmp, sig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return sig;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new SigningException("cannot sign " + file + " into " + sig + ": " + e
          + "; check that the file exists and its folder is writable", e);
    }
  }

  /**
   * Checks that {@code signature} is a signature of {@code file} for {@code namespace} by one of
   * {@code trusted}. The signature file is read first; the file is then hashed in a stream and
   * never interpreted.
   *
   * @return the trusted key that signed (with the comment of its trusted {@code .pub} line)
   * @throws MissingSignatureException when {@code signature} does not exist
   * @throws MalformedSignatureException when it is not a readable SSH signature
   * @throws NamespaceMismatchException when it was made for another namespace
   * @throws UntrustedKeyException when its key is not in {@code trusted} (or trusted is empty)
   * @throws BadSignatureException when it does not match the file's bytes
   */
  public static SshPublicKey verify(Path file, Path signature, Collection<SshPublicKey> trusted,
      String namespace) throws SigningException {
    return new Verification(file, signature, List.copyOf(trusted), namespace).run();
  }

  /**
   * The node's check of an upgrade package before it reads anything else from it: the package's
   * signature {@code sig} must be by a key of {@code trustedKeysDir/*.pub} for the namespace
   * {@value #UPGRADE_PACKAGE_NAMESPACE}. Reads only the signature, the trusted keys and the
   * package's bytes (hashed in a stream); never unpacks.
   *
   * @return the trusted key that signed
   * @throws SigningException as {@link #verify}; also when a trusted key file is unreadable
   */
  public static SshPublicKey verifyPackage(Path pkg, Path sig, Path trustedKeysDir) throws SigningException {
    List<SshPublicKey> trusted = readTrustedKeys(trustedKeysDir);
    if (trusted.isEmpty()) {
      throw new UntrustedKeyException("no trusted key (*.pub) in " + trustedKeysDir + " to check "
          + pkg + " against; add the signers' public keys to rel/trusted-keys/ and build the release "
          + "again, or do not require a signature from a release without trusted keys");
    }
    return verify(pkg, sig, trusted, UPGRADE_PACKAGE_NAMESPACE);
  }

  /** The keys as {@code fingerprint (comment)}, comma-separated, for messages. */
  static String describe(Collection<SshPublicKey> keys) {
    return keys.stream().map(SshPublicKey::describe).collect(Collectors.joining(", "));
  }
}
