package dev.molt.upgrade.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final String SUM = "a".repeat(64);

  @Test
  void parse_readsSha256sumLines_textAndBinaryMark() {
    assertThat(Checksums.parse(SUM + "  lib/a.jar\n" + SUM + " *b\n", "x"))
        .containsEntry("lib/a.jar", SUM).containsEntry("b", SUM);
  }

  @Test
  void parse_refusesAMalformedLine_namingIt() {
    assertThatThrownBy(() -> Checksums.parse(SUM + "  a\nnot a line\n", "sums"))
        .hasMessage("sums line 2 is not '<sha256>  <path>'");
  }

  @Test
  void parse_refusesADuplicate() {
    assertThatThrownBy(() -> Checksums.parse(SUM + "  a\n" + SUM + "  a\n", "sums"))
        .hasMessage("sums lists a twice");
  }

  @Test
  void archiveFiles_areTheReleaseArchivesAndTheirSignatures() {
    assertThat(Archives.isArchiveFile("demo", "0.2.0", "demo-0.2.0.tar.gz")).isTrue();
    assertThat(Archives.isArchiveFile("demo", "0.2.0", "demo-0.2.0-upgrade.tar.gz.sig")).isTrue();
    assertThat(Archives.isArchiveFile("demo", "0.2.0", "release.json")).isFalse();
    assertThat(Archives.isArchiveFile("demo", "0.2.0", "demo-0.3.0.tar.gz")).isFalse();
  }
}
