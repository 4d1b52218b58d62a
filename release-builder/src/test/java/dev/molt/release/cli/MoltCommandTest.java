package dev.molt.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.signature.Signatures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoltCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return MoltCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void init_writesRelAndReportsOnStdout() {
    assertThat(run("init", "--rel", dir.resolve("rel").toString(), "--name", "book_app")).isZero();
    assertThat(out.toString()).contains("wrote " + dir.resolve("rel/molt.json"));
    assertThat(dir.resolve("rel/jvm.options")).exists();
    out.getBuffer().setLength(0);
    assertThat(run("init", "--rel", dir.resolve("rel").toString(), "--name", "book_app")).isZero();
    assertThat(out.toString()).contains("kept  " + dir.resolve("rel/molt.json"));
  }

  @Test
  void release_missingOption_isUsageError() {
    assertThat(run("release", "--tree", "x.tgf")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option");
  }

  @Test
  void unknownCommand_isUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
  }

  @Test
  void release_badTree_isFailureWithMessage() throws Exception {
    Files.writeString(dir.resolve("deps.tgf"), "nonsense\n");
    int code = run("release", "--rel", dir.resolve("rel").toString(), "--tree", dir.resolve("deps.tgf").toString(),
        "--lib", dir.toString(), "--app-jar", dir.resolve("app.jar").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("molt: ").contains("not a TGF dependency tree line");
  }

  @Test
  void release_appJarNotAZip_exits1NamingTheJarAndTheRemedy_writesNothing() throws Exception {
    assertThat(run("init", "--rel", dir.resolve("rel").toString(), "--name", "tiny")).isZero();
    Files.writeString(dir.resolve("deps.tgf"), "1 com.example:tiny:jar:1.0\n#\n");
    Path jar = Files.writeString(dir.resolve("tiny-1.0.jar"), "<html>404</html>");

    int code = run("release", "--rel", dir.resolve("rel").toString(), "--tree",
        dir.resolve("deps.tgf").toString(), "--lib", dir.toString(), "--app-jar", jar.toString(),
        "--main-class", "tiny.Main", "--out", dir.resolve("target").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("molt: ")
        .contains(jar + " is not a readable jar", "rebuild or re-download it");
    assertThat(dir.resolve("target")).doesNotExist();
  }

  @Test
  void help_listsCommandsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("init", "release", "Exit codes");
    out.getBuffer().setLength(0);
    assertThat(run("release", "--help")).isZero();
    assertThat(out.toString()).contains("--tree", "--kernel", "--jdk");
  }

  @Test
  void keygen_writesPrivate0600AndPub_thatSignAndVerify() throws Exception {
    Path key = dir.resolve("keys/release");

    assertThat(run("keygen", key.toString(), "-C", "ci@example.com")).as("%s", err).isZero();

    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    assertThat(Files.readString(dir.resolve("keys/release.pub"))).startsWith("ssh-ed25519 AAAA").endsWith(" ci@example.com\n");
    assertThat(out.toString()).contains("wrote " + key, "wrote " + key + ".pub", "SHA256:");
    assertThat(err.toString()).contains("rel/trusted-keys/");
    Path pkg = Files.writeString(dir.resolve("p.tar.gz"), "package");
    Signatures.sign(pkg, Signatures.readPrivateKey(key), Signatures.UPGRADE_PACKAGE_NAMESPACE);
    assertThat(Signatures.verifyPackage(pkg, Signatures.signatureOf(pkg), dir.resolve("keys")).comment())
        .isEqualTo("ci@example.com");
  }

  @Test
  void keygen_existingKey_failsAndKeepsIt() throws Exception {
    Path key = Files.writeString(dir.resolve("release"), "old key");

    assertThat(run("keygen", key.toString())).isEqualTo(1);

    assertThat(err.toString()).startsWith("molt: ").contains(key + " already exists", "another name");
    assertThat(key).content().isEqualTo("old key");
    assertThat(dir.resolve("release.pub")).doesNotExist();
  }

  @Test
  void keygen_withoutName_isUsageError() {
    assertThat(run("keygen")).isEqualTo(2);
    assertThat(err.toString()).contains("<name>");
  }
}
