package dev.molt.archive;

import static dev.molt.archive.Tarballs.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeExtractorTest {
  @TempDir Path dir;

  Path target() {
    return dir.resolve("out").resolve("rel");
  }

  ExtractResult extract(Path archive) throws ArchiveException {
    return SafeExtractor.extract(ExtractRequest.of(archive, target()));
  }

  /** The target does not exist and nothing but the archive and the (empty) parent is left. */
  void assertNothingWritten() throws Exception {
    assertThat(target()).doesNotExist();
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s).isEmpty();
    }
  }

  void assertRefused(Path archive, Class<? extends ArchiveException> type, String... parts)
      throws Exception {
    assertThatThrownBy(() -> extract(archive)).isInstanceOf(type)
        .hasMessageContaining(archive.toString())
        .hasMessageContainingAll(parts);
    assertNothingWritten();
  }

  @Test
  void extract_goodTree_writesFilesKeepsInnerRelativeLinkAndExecBit() throws Exception {
    Path archive = tar().dir("rel/").file("rel/bin/run", "#!/bin/sh\n", 0755)
        .file("rel/legal/java.base/LICENSE", "gpl")
        .symlink("rel/legal/java.sql/LICENSE", "../java.base/LICENSE")
        .write(dir.resolve("good.tar.gz"));

    ExtractResult result = extract(archive);

    assertThat(result.target()).isEqualTo(target());
    assertThat(result.files()).containsExactly(new ExtractedFile("rel/bin/run", 10),
        new ExtractedFile("rel/legal/java.base/LICENSE", 3));
    Path link = target().resolve("rel/legal/java.sql/LICENSE");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(link)).isEqualTo("gpl");
    assertThat(Files.isExecutable(target().resolve("rel/bin/run"))).isTrue();
    assertThat(Files.isExecutable(target().resolve("rel/legal/java.base/LICENSE"))).isFalse();
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s).containsExactly(target());
    }
  }

  @Test
  void extract_dotDotEntry_refused() throws Exception {
    Path archive = tar().file("rel/ok", "x").file("rel/../../evil", "x").write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "rel/../../evil", "..", "fetch it again");
    assertThat(dir.resolve("evil")).doesNotExist();
  }

  @Test
  void extract_absoluteEntry_refused() throws Exception {
    Path evil = dir.resolve("abs-evil");
    Path archive = tar().file(evil.toString(), "x").write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "absolute path");
    assertThat(evil).doesNotExist();
  }

  @Test
  void extract_fileThroughSymlink_refusedNothingWrittenElsewhere() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path archive = tar().symlink("x/link", elsewhere.toString()).file("x/link/file", "owned")
        .write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/link");
    assertThat(elsewhere).isEmptyDirectory();
  }

  @Test
  void extract_relativeLinkThenFileThroughIt_refused() throws Exception {
    Path archive = tar().dir("x/sub").symlink("x/link", "sub").file("x/link/file", "x")
        .write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/link/file", "under the link x/link");
  }

  @Test
  void extract_symlinkEscapingRoot_refused() throws Exception {
    Path archive = tar().symlink("x/up", "../../etc").write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/up -> ../../etc", "outside");
  }

  @Test
  void extract_symlinkClimbingAfterDescending_refused() throws Exception {
    Path archive = tar().symlink("a/l1", "../b").symlink("c/d/l2", "../../a/l1/../..")
        .write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "c/d/l2", "after descending");
  }

  @Test
  void extract_hardLink_refused() throws Exception {
    Path archive = tar().file("x/a", "x").special("x/b", TarConstants.LF_LINK, "x/a")
        .write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/b", "hard link");
  }

  @Test
  void extract_deviceOrFifo_refused() throws Exception {
    assertRefused(tar().special("x/dev", TarConstants.LF_CHR, "").write(dir.resolve("c.tar.gz")),
        UnsafeEntryException.class, "x/dev", "device or fifo");
    assertRefused(tar().special("x/p", TarConstants.LF_FIFO, "").write(dir.resolve("f.tar.gz")),
        UnsafeEntryException.class, "x/p", "device or fifo");
  }

  @Test
  void extract_sparseFile_refused() throws Exception {
    Path archive = tar().special("x/holes", TarConstants.LF_GNUTYPE_SPARSE, "").write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/holes", "sparse");
  }

  @Test
  void extract_duplicateEntry_refused() throws Exception {
    Path archive = tar().file("x/a", "one").file("x/./a", "two").write(dir.resolve("a.tar.gz"));
    assertRefused(archive, UnsafeEntryException.class, "x/./a", "twice");
  }

  @Test
  void extract_entryOverSizeLimit_refused() throws Exception {
    Path archive = tar().file("x/big", new byte[2000]).write(dir.resolve("a.tar.gz"));
    assertThatThrownBy(() -> SafeExtractor.extract(
        new ExtractRequest(archive, target(), new Limits(1000, 10, 10_000))))
        .isInstanceOf(ArchiveTooLargeException.class)
        .hasMessageContainingAll(archive.toString(), "x/big", "2000 bytes", "raise the limit");
    assertNothingWritten();
  }

  @Test
  void extract_totalOverLimit_refused() throws Exception {
    Path archive = tar().file("x/a", new byte[600]).file("x/b", new byte[600]).write(dir.resolve("a.tar.gz"));
    assertThatThrownBy(() -> SafeExtractor.extract(
        new ExtractRequest(archive, target(), new Limits(1000, 10, 1000))))
        .isInstanceOf(ArchiveTooLargeException.class).hasMessageContainingAll("x/b", "total");
    assertNothingWritten();
  }

  @Test
  void extract_tooManyEntries_refused() throws Exception {
    Tarballs t = tar();
    for (int i = 0; i < 11; i++) {
      t.file("x/f" + i, "x");
    }
    Path archive = t.write(dir.resolve("a.tar.gz"));
    assertThatThrownBy(() -> SafeExtractor.extract(
        new ExtractRequest(archive, target(), new Limits(1000, 10, 10_000))))
        .isInstanceOf(ArchiveTooLargeException.class).hasMessageContainingAll("x/f10", "10 entries");
    assertNothingWritten();
  }

  @Test
  void extract_truncatedGzip_corrupt() throws Exception {
    byte[] whole = tar().file("x/a", "a".repeat(50_000)).file("x/b", "b".repeat(50_000)).bytes();
    Path archive = Tarballs.write(dir.resolve("a.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
    assertRefused(archive, CorruptArchiveException.class, "truncated", "download or build it again");
  }

  @Test
  void extract_notGzip_corrupt() throws Exception {
    Path archive = Tarballs.write(dir.resolve("a.tar.gz"), "hello".getBytes(StandardCharsets.UTF_8));
    assertRefused(archive, CorruptArchiveException.class, "not gzip");
  }

  @Test
  void extract_existingTarget_refusedAndLeftAlone() throws Exception {
    Files.createDirectories(target());
    Path archive = tar().file("x/a", "x").write(dir.resolve("a.tar.gz"));
    assertThatThrownBy(() -> extract(archive)).isInstanceOf(ArchiveException.class)
        .hasMessageContaining("already exists");
    assertThat(target()).isEmptyDirectory();
  }
}
