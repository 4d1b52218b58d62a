package dev.molt.signature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * OpenSSH's private key file ("openssh-key-v1", PROTOCOL.key), unencrypted and with one
 * ssh-ed25519 key: the only form Molt reads and writes.
 */
final class PrivateKeyFormat {
  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final String NONE = "none";
  /** The cipher block size of "none": the private section is padded to a multiple of it. */
  private static final int BLOCK = 8;

  private PrivateKeyFormat() {}

  static String encode(SshKeyPair pair) {
    int check = new SecureRandom().nextInt();
    byte[] raw = pair.publicKey().raw();
    byte[] seed = pair.seed();
    byte[] both = new byte[2 * Ed25519.KEY_BYTES];
    System.arraycopy(seed, 0, both, 0, Ed25519.KEY_BYTES);
    System.arraycopy(raw, 0, both, Ed25519.KEY_BYTES, Ed25519.KEY_BYTES);
    Wire.Writer secret = new Wire.Writer().uint32(check).uint32(check).string(SshPublicKey.TYPE)
        .string(raw).string(both).string(pair.publicKey().comment());
    for (int pad = 1; secret.size() % BLOCK != 0; pad++) {
      secret.raw(new byte[] {(byte) pad});
    }
    byte[] blob = new Wire.Writer().raw(MAGIC).string(NONE).string(NONE).string(new byte[0]).uint32(1)
        .string(pair.publicKey().blob()).string(secret.bytes()).bytes();
    Arrays.fill(both, (byte) 0);
    return Armor.encode(Armor.PRIVATE_KEY, blob);
  }

  static SshKeyPair decode(String text, Path file) throws SigningException {
    Function<String, SigningException> error = m -> new KeyFileException(file + " is not a usable "
        + "OpenSSH private key: " + m + "; use a key made by molt keygen or ssh-keygen -t ed25519");
    if (text.strip().startsWith("ssh-")) {
      throw error.apply("it is a public key line; pass the private key file (the one without .pub)");
    }
    if (text.contains("-----BEGIN") && !text.contains("-----BEGIN " + Armor.PRIVATE_KEY)) {
      throw error.apply("it is in another format (PEM or PKCS#8); convert it with "
          + "ssh-keygen -p -o -f " + file);
    }
    Wire.Reader r = new Wire.Reader(Armor.decode(text, Armor.PRIVATE_KEY, error), error);
    if (!Arrays.equals(r.raw(MAGIC.length), MAGIC)) {
      throw error.apply("it does not start with openssh-key-v1");
    }
    String cipher = r.utf8();
    if (!cipher.equals(NONE)) {
      throw new EncryptedKeyException(file + " is encrypted with a passphrase (cipher "
          + Wire.printable(cipher) + "); Molt reads only unencrypted keys: keep the key file in a "
          + "secret store and remove its passphrase with ssh-keygen -p -N '' -f " + file
          + ", or make a new key with molt keygen");
    }
    r.expect(NONE, "the kdf name");
    r.string(); // kdf options: empty for "none"
    if (r.uint32() != 1) {
      throw error.apply("it holds more than one key");
    }
    SshPublicKey outer = SshPublicKey.fromBlob(r.string(), "", error);
    return secret(new Wire.Reader(r.string(), error), outer, error);
  }

  private static SshKeyPair secret(Wire.Reader r, SshPublicKey outer, Function<String, SigningException> error)
      throws SigningException {
    if (r.uint32() != r.uint32()) {
      throw error.apply("its check numbers differ (a corrupt or wrongly decrypted key)");
    }
    r.expect(SshPublicKey.TYPE, "the key type");
    byte[] raw = r.string();
    byte[] both = r.string();
    String comment = r.utf8();
    if (!Arrays.equals(raw, outer.raw()) || both.length != 2 * Ed25519.KEY_BYTES
        || !Arrays.equals(Arrays.copyOfRange(both, Ed25519.KEY_BYTES, both.length), raw)) {
      throw error.apply("its public and private parts disagree");
    }
    SshKeyPair pair = new SshKeyPair(new SshPublicKey(raw, comment), Arrays.copyOf(both, Ed25519.KEY_BYTES));
    Arrays.fill(both, (byte) 0);
    if (!pair.consistent()) {
      throw error.apply("its private key does not match its public key");
    }
    return pair;
  }
}
