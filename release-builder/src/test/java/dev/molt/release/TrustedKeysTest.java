package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rel/trusted-keys/*.pub into releases/<vsn>/trusted-keys/, checked, in a reproducible tarball. */
class TrustedKeysTest {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();
  private final ReleaseBuilder builder = new ReleaseBuilder(progress::add);

  @Test
  void build_trustedKeys_areCopiedBesideReleaseJson_andTheTarballStaysByteIdentical() throws Exception {
    ReleaseRequest first = TestReleases.request(dir.resolve("a"), "bare");
    Path keys = Files.createDirectories(first.relDir().resolve("trusted-keys"));
    SshKeyPair ci = Signatures.generate("ci@example.com");
    Files.writeString(keys.resolve("ci.pub"), ci.publicKey().line() + "\n");
    Files.writeString(keys.resolve("ops.pub"), Signatures.generate("ops").publicKey().line() + "\n");
    Files.writeString(keys.resolve("README.md"), "# Trusted keys\n");

    ReleaseResult a = builder.build(first);
    ReleaseResult b = builder.build(new ReleaseRequest(first.name(), first.version(), "bare",
        first.relDir(), dir.resolve("b/target"), first.apps(), first.kernel(), Optional.empty()));

    Path copied = a.releaseDir().resolve("releases/1.0/trusted-keys");
    assertThat(copied.resolve("ci.pub")).hasSameTextualContentAs(keys.resolve("ci.pub"));
    assertThat(copied.resolve("README.md")).doesNotExist();
    assertThat(Signatures.readTrustedKeys(copied)).extracting(k -> k.comment()).containsExactly("ci@example.com", "ops");
    List<TarArchiveEntry> entries = ReleaseBuilderTest.entries(a.tarball().get());
    assertThat(entries).filteredOn(e -> e.getName().startsWith("shop/releases/1.0/trusted-keys/"))
        .extracting(e -> e.getName() + " " + Integer.toOctalString(e.getMode() & 0777))
        .containsExactly("shop/releases/1.0/trusted-keys/ 755", "shop/releases/1.0/trusted-keys/ci.pub 644",
            "shop/releases/1.0/trusted-keys/ops.pub 644");
    assertThat(b.tarball().get()).hasSameBinaryContentAs(a.tarball().get());
  }

  @Test
  void build_withoutTrustedKeysFolder_writesNoTrustedKeys() throws Exception {
    ReleaseResult r = builder.build(TestReleases.request(dir, "bare"));

    assertThat(r.releaseDir().resolve("releases/1.0/trusted-keys")).doesNotExist();
  }

  @Test
  void build_rsaKeyInTrustedKeys_failsNamingTheFile_andLeavesNothing() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path keys = Files.createDirectories(r.relDir().resolve("trusted-keys"));
    Files.writeString(keys.resolve("old.pub"), "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 old@laptop\n");

    assertThatThrownBy(() -> builder.build(r)).isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining(keys.resolve("old.pub") + " is not an ssh-ed25519 public key line")
        .hasMessageContaining("ssh-rsa").hasMessageContaining("rel/trusted-keys/");
    assertThat(dir.resolve("target/rel/shop")).doesNotExist();
  }

  @Test
  void build_privateKeyInTrustedKeys_failsSayingItMustNotShip() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path keys = Files.createDirectories(r.relDir().resolve("trusted-keys"));
    Signatures.writeKeyPair(keys.resolve("ci"), Signatures.generate("ci"));

    assertThatThrownBy(() -> builder.build(r)).isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining(keys.resolve("ci") + " is a private key").hasMessageContaining("secret store");
    assertThat(dir.resolve("target/shop-1.0.tar.gz")).doesNotExist();
  }
}
