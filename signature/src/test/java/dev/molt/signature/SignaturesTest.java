package dev.molt.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing and verifying files, and every way a check must fail, without ssh-keygen. */
class SignaturesTest {
  private static final String NS = Signatures.UPGRADE_PACKAGE_NAMESPACE;
  @TempDir Path dir;
  Path file;
  SshKeyPair key;

  @BeforeEach
  void signedFile() throws Exception {
    file = Files.write(dir.resolve("shelf-0.2.0-upgrade.tar.gz"), new byte[100_000]);
    key = Signatures.generate("ci@example.com");
  }

  @Test
  void sign_thenVerify_returnsTheTrustedKeyWithItsComment() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    SshPublicKey trusted = Signatures.parsePublicKey(key.publicKey().line().replace("ci@", "release@"), "test");

    assertThat(sig).isEqualTo(dir.resolve("shelf-0.2.0-upgrade.tar.gz.sig"));
    assertThat(Files.readString(sig)).startsWith("-----BEGIN SSH SIGNATURE-----\n")
        .endsWith("-----END SSH SIGNATURE-----\n");
    assertThat(Signatures.verify(file, sig, List.of(Signatures.generate("").publicKey(), trusted), NS).comment())
        .isEqualTo("release@example.com");
  }

  @Test
  void verify_tamperedFile_isBadSignatureNamingBothFiles() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    byte[] bytes = Files.readAllBytes(file);
    bytes[50_000] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(BadSignatureException.class)
        .hasMessageContaining(sig + " does not match " + file).hasMessageContaining("changed after signing");
  }

  @Test
  void verify_tamperedSignatureBytes_isBadSignature() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    byte[] blob = Armor.decode(Files.readString(sig), Armor.SIGNATURE, MalformedSignatureException::new);
    blob[blob.length - 10] ^= 1; // inside the 64 signature bytes, at the end of the blob
    Files.writeString(sig, Armor.encode(Armor.SIGNATURE, blob));

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(BadSignatureException.class);
  }

  @Test
  void verify_signedByAnotherKey_isUntrustedNamingFingerprintsAndRemedy() throws Exception {
    Path sig = Signatures.sign(file, Signatures.generate("intruder"), NS);

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(UntrustedKeyException.class)
        .hasMessageContaining(sig.toString()).hasMessageContaining(key.publicKey().fingerprint())
        .hasMessageContaining("ci@example.com").hasMessageContaining("rel/trusted-keys/");
  }

  @Test
  void verify_otherNamespace_isNamespaceMismatch() throws Exception {
    Path sig = Signatures.sign(file, key, "file");

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(NamespaceMismatchException.class)
        .hasMessageContaining("namespace 'file', not '" + NS + "'");
  }

  @Test
  void verify_truncatedArmor_isMalformedNamingTheFile() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    String text = Files.readString(sig);
    Files.writeString(sig, text.substring(0, text.length() / 2));

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(MalformedSignatureException.class)
        .hasMessageContaining(sig + " is not a readable SSH signature").hasMessageContaining("truncated");
  }

  @Test
  void verify_truncatedBlobInsideCompleteArmor_isMalformed() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    byte[] blob = Armor.decode(Files.readString(sig), Armor.SIGNATURE, MalformedSignatureException::new);
    Files.writeString(sig, Armor.encode(Armor.SIGNATURE, java.util.Arrays.copyOf(blob, blob.length - 20)));

    assertThatThrownBy(() -> Signatures.verify(file, sig, List.of(key.publicKey()), NS))
        .isInstanceOf(MalformedSignatureException.class).hasMessageContaining("truncated");
  }

  @Test
  void verify_noSignatureFile_isMissingSignature() {
    assertThatThrownBy(() -> Signatures.verify(file, Signatures.signatureOf(file), List.of(key.publicKey()), NS))
        .isInstanceOf(MissingSignatureException.class).hasMessageContaining("has no signature");
  }

  @Test
  void verifyPackage_usesTheTrustedKeysFolder_andRefusesAnEmptyOne() throws Exception {
    Path sig = Signatures.sign(file, key, NS);
    Path trusted = Files.createDirectories(dir.resolve("trusted-keys"));

    assertThatThrownBy(() -> Signatures.verifyPackage(file, sig, trusted))
        .isInstanceOf(UntrustedKeyException.class).hasMessageContaining("no trusted key");

    Files.writeString(trusted.resolve("ci.pub"), key.publicKey().line() + "\n");
    assertThat(Signatures.verifyPackage(file, sig, trusted)).isEqualTo(key.publicKey());
  }

  @Test
  void writeKeyPair_writesPrivate0600AndPub_readsBack_refusesToOverwrite() throws Exception {
    Path priv = dir.resolve("keys/release");
    Signatures.writeKeyPair(priv, key);

    assertThat(Files.getPosixFilePermissions(priv)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(priv)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    assertThat(Signatures.readPrivateKey(priv)).isEqualTo(key);
    assertThat(Signatures.readPublicKey(dir.resolve("keys/release.pub"))).isEqualTo(key.publicKey());
    assertThat(Signatures.readPublicKey(dir.resolve("keys/release.pub")).comment()).isEqualTo("ci@example.com");
    String before = Files.readString(priv);

    assertThatThrownBy(() -> Signatures.writeKeyPair(priv, Signatures.generate("")))
        .isInstanceOf(KeyFileException.class).hasMessageContaining(priv + " already exists");
    assertThat(priv).content().isEqualTo(before);
  }

  @Test
  void readPrivateKey_encrypted_saysToUseAnUnencryptedKeyOrSshKeygenP() throws Exception {
    byte[] blob = new Wire.Writer().raw("openssh-key-v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .string("aes256-ctr").string("bcrypt").string(new byte[24]).uint32(1)
        .string(key.publicKey().blob()).string(new byte[64]).bytes();
    Path priv = Files.writeString(dir.resolve("id_ed25519"), Armor.encode(Armor.PRIVATE_KEY, blob));

    assertThatThrownBy(() -> Signatures.readPrivateKey(priv))
        .isInstanceOf(EncryptedKeyException.class)
        .hasMessageContaining(priv + " is encrypted").hasMessageContaining("ssh-keygen -p");
  }

  @Test
  void readPrivateKey_pemRsaKey_isKeyFileErrorNamingTheFile() throws Exception {
    Path priv = Files.writeString(dir.resolve("id_rsa"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    assertThatThrownBy(() -> Signatures.readPrivateKey(priv))
        .isInstanceOf(KeyFileException.class).hasMessageContaining(priv.toString()).hasMessageContaining("PEM");
  }

  @Test
  void readPrivateKey_givenThePublicKey_saysToPassThePrivateOne() throws Exception {
    Path pub = Files.writeString(dir.resolve("ci.pub"), key.publicKey().line() + "\n");

    assertThatThrownBy(() -> Signatures.readPrivateKey(pub))
        .isInstanceOf(KeyFileException.class).hasMessageContaining(pub + " is not a usable OpenSSH private key")
        .hasMessageContaining("public key line");
  }

  @Test
  void parsePublicKey_rsaOrGarbage_isKeyFileErrorNamingTheSource() {
    assertThatThrownBy(() -> Signatures.parsePublicKey("ssh-rsa AAAAB3NzaC1yc2E= me", "rel/trusted-keys/me.pub"))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("rel/trusted-keys/me.pub is not an ssh-ed25519 public key line")
        .hasMessageContaining("ssh-rsa");
    assertThatThrownBy(() -> Signatures.parsePublicKey("ssh-ed25519 !!!", "x.pub"))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("invalid base64");
    String rsaBlobAsEd25519 = Base64.getEncoder().encodeToString(new Wire.Writer().string("ssh-rsa").bytes());
    assertThatThrownBy(() -> Signatures.parsePublicKey("ssh-ed25519 " + rsaBlobAsEd25519, "y.pub"))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("ssh-rsa");
  }
}
