package dev.molt.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.EdECPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The conversion between the JDK's Ed25519 keys and the raw bytes SSH carries. */
class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc8032Test1_seedGivesTheKnownPublicKeyAndSignature() throws Exception {
    // RFC 8032 section 7.1, TEST 1 (empty message).
    byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] pub = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    String sig = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    byte[] signature = Ed25519.sign(Ed25519.privateKey(seed), new byte[0]);

    assertThat(HEX.formatHex(signature)).isEqualTo(sig);
    assertThat(Ed25519.verify(Ed25519.publicKey(pub), new byte[0], signature)).isTrue();
    assertThat(Ed25519.raw(Ed25519.publicKey(pub))).isEqualTo(pub);
  }

  @Test
  void rawToJdkToRaw_isIdentity_forKeysWithOddAndEvenX() {
    boolean sawOdd = false;
    boolean sawEven = false;
    for (int i = 0; i < 64; i++) {
      EdECPublicKey jdk = (EdECPublicKey) Ed25519.generate().getPublic();
      byte[] raw = Ed25519.raw(jdk);
      sawOdd |= jdk.getPoint().isXOdd();
      sawEven |= !jdk.getPoint().isXOdd();
      SshPublicKey ssh = new SshPublicKey(raw, "");

      assertThat(ssh.jdkKey().getPoint().getY()).isEqualTo(jdk.getPoint().getY());
      assertThat(ssh.jdkKey().getPoint().isXOdd()).isEqualTo(jdk.getPoint().isXOdd());
      assertThat(SshPublicKey.of(ssh.jdkKey(), "").raw()).isEqualTo(raw);
    }
    assertThat(sawOdd && sawEven).as("both x parities were exercised").isTrue();
  }

  @Test
  void keyPair_fromJdkKeys_signsWhatItsPublicKeyVerifies() {
    SshKeyPair pair = Signatures.generate("");
    byte[] data = {1, 2, 3};

    assertThat(Ed25519.verify(pair.publicKey().jdkKey(), data, Ed25519.sign(pair.jdkPrivateKey(), data))).isTrue();
    assertThat(pair.toString()).doesNotContain(HEX.formatHex(pair.seed()));
  }
}
