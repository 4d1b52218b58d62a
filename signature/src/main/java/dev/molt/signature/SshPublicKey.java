package dev.molt.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * An Ed25519 public key as SSH knows it: the raw 32 bytes and the comment of its {@code .pub}
 * line. Two keys are equal when their bytes are; the comment is only a label. Immutable and
 * thread-safe; no component is null.
 *
 * @param raw the 32-byte RFC 8032 encoding (copied in and out)
 * @param comment the comment of the key line ("ci@example.com"), possibly empty
 */
public record SshPublicKey(byte[] raw, String comment) {
  static final String TYPE = "ssh-ed25519";

  public SshPublicKey {
    Objects.requireNonNull(comment, "comment");
    if (raw.length != Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    raw = raw.clone();
  }

  /** The SSH form of a JDK key. */
  public static SshPublicKey of(EdECPublicKey key, String comment) {
    return new SshPublicKey(Ed25519.raw(key), comment);
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** The JDK form, for {@code java.security.Signature} ("Ed25519"). */
  public EdECPublicKey jdkKey() {
    try {
      return Ed25519.publicKey(raw);
    } catch (InvalidKeySpecException e) {
      throw new IllegalStateException("32 bytes always make an Ed25519 point encoding", e);
    }
  }

  /** The {@code authorized_keys}/{@code .pub} line: {@code ssh-ed25519 AAAA… comment}. */
  public String line() {
    String line = TYPE + " " + Base64.getEncoder().encodeToString(blob());
    return comment.isEmpty() ? line : line + " " + comment;
  }

  /** The fingerprint {@code ssh-keygen -l} prints: {@code SHA256:} and unpadded base64. */
  public String fingerprint() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob());
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The fingerprint and comment, for messages. */
  public String describe() {
    return fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
  }

  /** The SSH wire blob: {@code string "ssh-ed25519", string raw}. */
  byte[] blob() {
    return new Wire.Writer().string(TYPE).string(raw).bytes();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SshPublicKey k && Arrays.equals(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return TYPE + " " + describe();
  }

  /** Reads a wire blob; {@code error} makes the exception of the caller's context. */
  static SshPublicKey fromBlob(byte[] blob, String comment, Function<String, SigningException> error)
      throws SigningException {
    Wire.Reader r = new Wire.Reader(blob, error);
    String type = r.utf8();
    if (!type.equals(TYPE)) {
      throw r.error("the key is of type '" + Wire.printable(type) + "'; Molt signs and verifies "
          + "only ssh-ed25519 keys (make one with molt keygen or ssh-keygen -t ed25519)");
    }
    byte[] raw = r.string();
    if (raw.length != Ed25519.KEY_BYTES || r.remaining() != 0) {
      throw r.error("the ssh-ed25519 key blob holds " + raw.length + " key byte(s), not 32");
    }
    return new SshPublicKey(raw, comment);
  }
}
