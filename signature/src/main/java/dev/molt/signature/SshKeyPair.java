package dev.molt.signature;

import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 signing key: the private seed with its public key. {@link #toString} never shows the
 * seed. Immutable and thread-safe; no component is null.
 *
 * @param publicKey the public half, with the comment of the key file
 * @param seed the 32-byte private seed of RFC 8032 (copied in and out)
 */
public record SshKeyPair(SshPublicKey publicKey, byte[] seed) {
  public SshKeyPair {
    Objects.requireNonNull(publicKey, "publicKey");
    if (seed.length != Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 private seed has 32 bytes, not " + seed.length);
    }
    seed = seed.clone();
  }

  /** The SSH form of a JDK key pair. */
  public static SshKeyPair of(EdECPublicKey publicKey, EdECPrivateKey privateKey, String comment) {
    return new SshKeyPair(SshPublicKey.of(publicKey, comment), Ed25519.seed(privateKey));
  }

  @Override
  public byte[] seed() {
    return seed.clone();
  }

  /** The JDK form of the private key, for {@code java.security.Signature} ("Ed25519"). */
  public EdECPrivateKey jdkPrivateKey() {
    return Ed25519.privateKey(seed);
  }

  /** Whether the seed and the public key belong together: a probe signature verifies. */
  boolean consistent() {
    byte[] probe = "molt key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return Ed25519.verify(publicKey.jdkKey(), probe, Ed25519.sign(jdkPrivateKey(), probe));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SshKeyPair k && publicKey.equals(k.publicKey) && Arrays.equals(seed, k.seed);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "SshKeyPair[" + publicKey + "]";
  }
}
