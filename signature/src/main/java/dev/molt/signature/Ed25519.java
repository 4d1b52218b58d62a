package dev.molt.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 through the JDK ({@code java.security}, Java 15+), and the conversion between the JDK's
 * key objects and the raw 32-byte forms of RFC 8032 that SSH carries.
 */
final class Ed25519 {
  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;
  private static final String ALGORITHM = "Ed25519";

  private Ed25519() {}

  /**
   * The JDK key of a raw public key. RFC 8032 encodes y little-endian in 255 bits and puts the
   * parity of x in the top bit of the last byte; the JDK wants y as a number and x's parity apart.
   */
  static EdECPublicKey publicKey(byte[] raw) throws InvalidKeySpecException {
    byte[] bigEndian = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      bigEndian[i] = raw[KEY_BYTES - 1 - i];
    }
    boolean xOdd = (bigEndian[0] & 0x80) != 0;
    bigEndian[0] &= 0x7f;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
    return (EdECPublicKey) factory().generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }

  /** The raw 32 bytes of a JDK public key: the inverse of {@link #publicKey}. */
  static byte[] raw(EdECPublicKey key) {
    byte[] bigEndian = key.getPoint().getY().toByteArray(); // may be shorter, or 33 with a sign byte
    byte[] raw = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES && i < bigEndian.length; i++) {
      raw[i] = bigEndian[bigEndian.length - 1 - i];
    }
    if (key.getPoint().isXOdd()) {
      raw[KEY_BYTES - 1] |= (byte) 0x80;
    }
    return raw;
  }

  /** The JDK key of a 32-byte private seed (what SSH stores as the first half of its 64 bytes). */
  static EdECPrivateKey privateKey(byte[] seed) {
    try {
      return (EdECPrivateKey) factory().generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (InvalidKeySpecException e) {
      throw new IllegalStateException("a 32-byte seed is always an Ed25519 private key", e);
    }
  }

  /** The 32-byte seed of a JDK private key. */
  static byte[] seed(EdECPrivateKey key) {
    return key.getBytes().orElseThrow(() -> new IllegalArgumentException(
        "the private key does not expose its bytes (a hardware or non-extractable key)"));
  }

  /** A fresh key pair from the JDK's default secure random source. */
  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    }
  }

  static byte[] sign(EdECPrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with a valid Ed25519 key failed", e);
    }
  }

  /** Whether {@code signature} is {@code key}'s signature of {@code data}; false for an unusable key. */
  static boolean verify(EdECPublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    } catch (InvalidKeyException | java.security.SignatureException e) {
      return false;
    }
  }

  private static KeyFactory factory() {
    try {
      return KeyFactory.getInstance(ALGORITHM);
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    }
  }

  private static IllegalStateException missing(NoSuchAlgorithmException e) {
    return new IllegalStateException("this JVM has no Ed25519 (Java 15+ has it in SunEC)", e);
  }
}
