package dev.molt.upgrade.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What {@code bin/<name> unpack} prints for a release with many libraries the node had already. */
class UnpackedTest {
  static final List<String> KEPT =
      IntStream.rangeClosed(1, 80).mapToObj(i -> String.format("lib/lib%02d-1.0", i)).toList();
  final Unpacked done = new Unpacked("shop", "0.2.0", true, Optional.empty(),
      List.of("every file against releases/0.2.0/checksums.sha256 (5 files)"),
      List.of("lib/shop-0.2.0", "lib/util-2.0.1"), KEPT, "releases/0.2.0/shop-0.2.0-upgrade.tar.gz");

  @Test
  void lines_manyKeptLibDirs_countsThemOnOneLineAndShowsWhatMovedIn() {
    assertThat(done.lines(false)).containsExactly(
        "unpacked shop 0.2.0 from an upgrade package",
        "  signature: not checked (this release trusts no key)",
        "  verified: every file against releases/0.2.0/checksums.sha256 (5 files)",
        "  releases/0.2.0/ and lib/shop-0.2.0, lib/util-2.0.1 moved into place",
        "  80 lib/ directories already there (bin/shop unpack --verbose lists them)",
        "  kept as releases/0.2.0/shop-0.2.0-upgrade.tar.gz",
        "shop 0.2.0 is unpacked; run bin/shop upgrade 0.2.0 (or install 0.2.0)");
  }

  @Test
  void lines_verbose_listsEveryKeptLibDirOnALineOfItsOwn() {
    List<String> lines = done.lines(true);

    assertThat(lines).contains("  80 lib/ directories already there:");
    assertThat(lines.subList(5, 85)).containsExactlyElementsOf(KEPT.stream().map(l -> "    " + l).toList());
    assertThat(lines.get(85)).isEqualTo("  kept as releases/0.2.0/shop-0.2.0-upgrade.tar.gz");
  }

  @Test
  void lines_noKeptLibDir_saysNothingOfThem() {
    Unpacked whole = new Unpacked("shop", "0.2.0", false, Optional.empty(), List.of(), List.of("lib/a-1"),
        List.of(), "releases/0.2.0/shop-0.2.0.tar.gz");
    assertThat(whole.lines(false)).noneMatch(l -> l.contains("already there"));
  }
}
