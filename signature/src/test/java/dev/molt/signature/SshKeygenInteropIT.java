package dev.molt.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Molt's keys and signatures against the real {@code ssh-keygen} (OpenSSH 8.1+ for {@code -Y}):
 * each side verifies what the other signed, and reads the keys the other made. Skipped, saying
 * so, where ssh-keygen is absent.
 */
class SshKeygenInteropIT {
  private static final String NS = Signatures.UPGRADE_PACKAGE_NAMESPACE;
  private static Path sshKeygen;
  @TempDir Path dir;
  Path file;

  @BeforeAll
  static void findSshKeygen() {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      System.err.println("SKIPPED SshKeygenInteropIT: no ssh-keygen in /usr/bin or on the PATH; "
          + "install openssh-client to run the interoperability tests");
    }
    Assumptions.assumeTrue(found.isPresent(), "ssh-keygen is not installed");
    sshKeygen = found.get();
  }

  @BeforeEach
  void packageFile() throws IOException {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    file = Files.write(dir.resolve("shelf-0.2.0-upgrade.tar.gz"), bytes);
  }

  @Test
  void sshKeygenKey_signedByMolt_verifiesWithSshKeygenVerify() throws Exception {
    run("-q", "-t", "ed25519", "-N", "", "-C", "ci@example.com", "-f", dir.resolve("key").toString());
    SshKeyPair key = Signatures.readPrivateKey(dir.resolve("key"));
    assertThat(key.publicKey()).isEqualTo(Signatures.readPublicKey(dir.resolve("key.pub")));
    assertThat(key.publicKey().comment()).isEqualTo("ci@example.com");

    Path sig = Signatures.sign(file, key, NS);
    Result verify = verifyWithSshKeygen(key.publicKey(), sig, file);

    assertThat(verify.code()).as("%s", verify).isZero();
    assertThat(verify.output()).contains("Good \"" + NS + "\" signature for ci with ED25519 key "
        + key.publicKey().fingerprint());
  }

  @Test
  void signedBySshKeygen_verifiesWithMolt_andTamperingIsCaughtByBoth() throws Exception {
    run("-q", "-t", "ed25519", "-N", "", "-C", "ops", "-f", dir.resolve("key").toString());
    Result sign = run("-Y", "sign", "-f", dir.resolve("key").toString(), "-n", NS, file.toString());
    assertThat(sign.code()).as("%s", sign).isZero();
    SshPublicKey pub = Signatures.readPublicKey(dir.resolve("key.pub"));

    assertThat(Signatures.verify(file, Signatures.signatureOf(file), List.of(pub), NS)).isEqualTo(pub);

    Files.write(file, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Signatures.verify(file, Signatures.signatureOf(file), List.of(pub), NS))
        .isInstanceOf(BadSignatureException.class);
    assertThat(verifyWithSshKeygen(pub, Signatures.signatureOf(file), file).code()).isNotZero();
  }

  @Test
  void signedBySshKeygenWithSha256_verifiesWithMolt() throws Exception {
    run("-q", "-t", "ed25519", "-N", "", "-C", "ops", "-f", dir.resolve("key").toString());
    Result sign = run("-Y", "sign", "-f", dir.resolve("key").toString(), "-n", NS, "-O", "hashalg=sha256",
        file.toString());
    assertThat(sign.code()).as("%s", sign).isZero();
    SshPublicKey pub = Signatures.readPublicKey(dir.resolve("key.pub"));

    assertThat(Signatures.verify(file, Signatures.signatureOf(file), List.of(pub), NS)).isEqualTo(pub);
  }

  @Test
  void moltKeygenKey_isReadBySshKeygen_andSignsWithSshKeygenSign() throws Exception {
    SshKeyPair key = Signatures.generate("molt@example.com");
    Path priv = dir.resolve("molt_key");
    Signatures.writeKeyPair(priv, key);

    Result derived = run("-y", "-f", priv.toString());
    assertThat(derived.code()).as("%s", derived).isZero();
    assertThat(derived.output().strip()).isEqualTo(key.publicKey().line());

    Result sign = run("-Y", "sign", "-f", priv.toString(), "-n", NS, file.toString());
    assertThat(sign.code()).as("%s", sign).isZero();
    assertThat(Signatures.verify(file, Signatures.signatureOf(file), List.of(key.publicKey()), NS))
        .isEqualTo(key.publicKey());
  }

  @Test
  void moltSignature_forAnotherNamespace_isRefusedBySshKeygenToo() throws Exception {
    SshKeyPair key = Signatures.generate("ci");
    Path sig = Signatures.sign(file, key, "file");

    assertThat(verifyWithSshKeygen(key.publicKey(), sig, file).code()).isNotZero();
  }

  @Test
  void passphraseKeyFromSshKeygen_isRefusedWithTheRemedy() throws Exception {
    run("-q", "-t", "ed25519", "-N", "a passphrase", "-f", dir.resolve("key").toString());

    assertThatThrownBy(() -> Signatures.readPrivateKey(dir.resolve("key")))
        .isInstanceOf(EncryptedKeyException.class).hasMessageContaining("ssh-keygen -p");
  }

  private Result verifyWithSshKeygen(SshPublicKey key, Path sig, Path signed) throws Exception {
    Path allowed = Files.writeString(dir.resolve("allowed_signers"),
        "ci namespaces=\"" + NS + "\" " + key.line() + "\n");
    return run(signed, "-Y", "verify", "-f", allowed.toString(), "-I", "ci", "-n", NS, "-s", sig.toString());
  }

  private Result run(String... args) throws Exception {
    return run(null, args);
  }

  /** Runs ssh-keygen with {@code stdin} as its input (none when null), bounded to 30 s. */
  private Result run(Path stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(sshKeygen.toString()));
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve("ssh-keygen.out");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process p = pb.start();
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ssh-keygen %s finished in 30 s", command).isTrue();
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  private record Result(int code, String output) {}

  private static Optional<Path> locate() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/ssh-keygen")));
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        candidates.add(Path.of(d, "ssh-keygen"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
