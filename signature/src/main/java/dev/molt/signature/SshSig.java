package dev.molt.signature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The SSHSIG signature format of {@code ssh-keygen -Y sign} (OpenSSH's PROTOCOL.sshsig): a blob
 * naming the public key, the namespace and the hash algorithm, over a signed structure that holds
 * the hash of the message, never the message itself.
 */
final class SshSig {
  static final String DEFAULT_HASH = "sha512";
  /** SSHSIG's hash names and the JDK's digest names; ssh-keygen writes sha512 unless told. */
  static final Map<String, String> HASHES = Map.of("sha512", "SHA-512", "sha256", "SHA-256");
  private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  /** A parsed signature. */
  record Parsed(SshPublicKey key, String namespace, String hashAlgorithm, byte[] signature) {}

  private SshSig() {}

  /** The armored signature by {@code pair} of a message whose {@code sha512} hash is given. */
  static String encode(SshKeyPair pair, String namespace, byte[] hash) {
    byte[] signed = signedData(namespace, DEFAULT_HASH, hash);
    byte[] signature = new Wire.Writer().string(SshPublicKey.TYPE)
        .string(Ed25519.sign(pair.jdkPrivateKey(), signed)).bytes();
    byte[] blob = new Wire.Writer().raw(MAGIC).uint32(VERSION).string(pair.publicKey().blob())
        .string(namespace).string(new byte[0]).string(DEFAULT_HASH).string(signature).bytes();
    return Armor.encode(Armor.SIGNATURE, blob);
  }

  /** What {@code signature} is computed over. */
  static byte[] signedData(String namespace, String hashAlgorithm, byte[] hash) {
    return new Wire.Writer().raw(MAGIC).string(namespace).string(new byte[0]).string(hashAlgorithm)
        .string(hash).bytes();
  }

  static Parsed decode(String text, Path file) throws SigningException {
    Function<String, SigningException> error = m -> new MalformedSignatureException(file
        + " is not a readable SSH signature: " + m + "; sign the file again (molt:upgrade-package "
        + "-Dmolt.signingKey=<key>, or ssh-keygen -Y sign) and copy the whole .sig file");
    Wire.Reader r = new Wire.Reader(Armor.decode(text, Armor.SIGNATURE, error), error);
    if (!Arrays.equals(r.raw(MAGIC.length), MAGIC)) {
      throw error.apply("it does not start with SSHSIG");
    }
    int version = r.uint32();
    if (version != VERSION) {
      throw error.apply("its version is " + version + ", Molt reads version " + VERSION);
    }
    SshPublicKey key = SshPublicKey.fromBlob(r.string(), "", error);
    String namespace = r.utf8();
    r.string(); // reserved
    String hash = r.utf8();
    if (!HASHES.containsKey(hash)) {
      throw error.apply("its hash algorithm is '" + Wire.printable(hash) + "', not sha512 or sha256");
    }
    Wire.Reader sig = new Wire.Reader(r.string(), error);
    sig.expect(SshPublicKey.TYPE, "the signature type");
    byte[] signature = sig.string();
    if (signature.length != Ed25519.SIGNATURE_BYTES || sig.remaining() != 0 || r.remaining() != 0) {
      throw error.apply("the Ed25519 signature is not 64 bytes");
    }
    return new Parsed(key, namespace, hash, signature);
  }
}
