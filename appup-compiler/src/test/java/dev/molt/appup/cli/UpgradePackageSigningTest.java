package dev.molt.appup.cli;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.testkit.JarGen;
import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code molt-appup upgrade-package} with a signing key: from the option, from the environment, or none. */
class UpgradePackageSigningTest {
  @TempDir Path dir;
  Path v1;
  Path v2;
  Path target;
  Path pkg;
  Path key;
  SshKeyPair pair;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void releasesAndKey() throws Exception {
    v1 = release("shop", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main").write(dir.resolve("v1"));
    v2 = release("shop", "1.1.0").app("web", "1.1.0", JarGen.jar().add(main(1), handler(2)), "a.Main").write(dir.resolve("v2"));
    target = dir.resolve("target");
    pkg = target.resolve("shop-1.1.0-upgrade.tar.gz");
    key = dir.resolve("keys/ci");
    pair = Signatures.generate("ci@example.com");
    Signatures.writeKeyPair(key, pair);
  }

  int run(Map<String, String> env, String... args) {
    return AppupCli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
  }

  String[] packageArgs(String... more) {
    String[] base = {"upgrade-package", "--from", v1.toString(), "--to", v2.toString(), "--out", target.toString()};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void signingKeyOption_writesSigThatTheNodesCheckAccepts() throws Exception {
    assertThat(run(Map.of(), packageArgs("--signing-key", key.toString()))).as("%s", err).isZero();

    Path sig = target.resolve("shop-1.1.0-upgrade.tar.gz.sig");
    assertThat(out.toString()).contains(pkg.toString(), sig.toString());
    assertThat(err.toString()).doesNotContain("not signed");
    assertThat(Signatures.verifyPackage(pkg, sig, dir.resolve("keys"))).isEqualTo(pair.publicKey());
  }

  @Test
  void signingKeyFromEnvironment_signsToo() throws Exception {
    assertThat(run(Map.of(Signatures.SIGNING_KEY_ENV, key.toString()), packageArgs())).as("%s", err).isZero();

    assertThat(Signatures.verifyPackage(pkg, Signatures.signatureOf(pkg), dir.resolve("keys"))).isEqualTo(pair.publicKey());
  }

  @Test
  void noKey_writesUnsignedWithWarning_andRemovesAnOldSignature() throws Exception {
    assertThat(run(Map.of(), packageArgs("--signing-key", key.toString()))).isZero();
    assertThat(Signatures.signatureOf(pkg)).exists();

    assertThat(run(Map.of(), packageArgs())).isZero();

    assertThat(pkg).exists();
    assertThat(Signatures.signatureOf(pkg)).doesNotExist();
    assertThat(err.toString()).contains("is not signed", "trusted-keys", "--signing-key", Signatures.SIGNING_KEY_ENV);
  }

  @Test
  void encryptedOrMissingKey_exitsFourNamingTheKeyAndWritesNothing() throws Exception {
    Path missing = dir.resolve("keys/absent");

    assertThat(run(Map.of(), packageArgs("--signing-key", missing.toString()))).isEqualTo(AppupCli.INVALID_INPUT);

    assertThat(err.toString()).startsWith("molt-appup: cannot sign the upgrade package: ").contains(missing.toString());
    assertThat(target).doesNotExist();
    Path notAKey = Files.writeString(dir.resolve("keys/ci.txt"), "hello");
    err.getBuffer().setLength(0);

    assertThat(run(Map.of(Signatures.SIGNING_KEY_ENV, notAKey.toString()), packageArgs())).isEqualTo(AppupCli.INVALID_INPUT);

    assertThat(err.toString()).contains(notAKey + " is not a usable OpenSSH private key");
    assertThat(target).doesNotExist();
  }
}
