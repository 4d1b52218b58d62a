package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.ReleaseRoot;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jar checks at boot, with the stamps that let a boot skip hashing unchanged jars. */
class JarVerifierTest {
  /** Stamp jars however recently they changed: the test's jars are seconds old. */
  private static final long NO_SETTLING = -60_000;

  @TempDir static Path build;
  static Path recorderJar;

  @TempDir Path root;
  ReleaseDescriptor release;
  Path jar;
  Path stamps;

  @BeforeAll
  static void buildJars() throws Exception {
    recorderJar = jar(build, "recorder.jar").source("rec.Events", AppSources.EVENTS)
        .source("rec.Recorder", AppSources.RECORDER).build();
  }

  @BeforeEach
  void release() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0").application("book_app", recorderJar, "rec.Recorder")
        .write();
    release = Formats.readRelease(root.resolve("releases/0.1.0/release.json"));
    jar = root.resolve("lib/book_app-1.0/recorder.jar");
    stamps = root.resolve("tmp/verified-jars-0.1.0");
    Files.createDirectories(root.resolve("tmp"));
  }

  @Test
  void verify_matchingJars_areStampedAndStillAcceptedNextBoot() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);

    assertThat(Files.readAllLines(stamps)).singleElement().asString()
        .startsWith("lib/book_app-1.0/recorder.jar " + release.apps().get(0).jars().get(0).sha256()
            + " " + Files.size(jar) + " ");
    JarVerifier.verify(root, release, NO_SETTLING);
  }

  @Test
  void verify_jarAppendedToAfterStamping_isRefused() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);

    Files.write(jar, new byte[] {1}, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class)
        .hasMessageContaining("lib/book_app-1.0/recorder.jar does not match release.json");
  }

  @Test
  void verify_sameSizeRewriteWithModificationTimeRestored_isRefused() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);
    FileTime modified = Files.getLastModifiedTime(jar);
    long size = Files.size(jar);

    try (RandomAccessFile file = new RandomAccessFile(jar.toFile(), "rw")) {
      file.seek(size - 1);
      int last = file.read();
      file.seek(size - 1);
      file.write(last ^ 0xff);
    }
    Files.setLastModifiedTime(jar, modified); // what `touch -r` does; the ctime still moves

    assertThat(Files.size(jar)).isEqualTo(size);
    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class).hasMessageContaining("does not match");
  }

  @Test
  void verify_jarReplacedByAnotherFile_isRefused() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);
    Path other = root.resolve("other.jar");
    Files.write(other, new byte[] {1, 2, 3});

    Files.move(other, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class).hasMessageContaining("does not match");
  }

  @Test
  void verify_releaseExpectingAnotherSha_isNotVouchedForByTheOldStamp() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);
    Path json = root.resolve("releases/0.1.0/release.json");
    String expected = release.apps().get(0).jars().get(0).sha256();
    Files.writeString(json, Files.readString(json).replace(expected, "a".repeat(64)));
    ReleaseDescriptor edited = Formats.readRelease(json);

    assertThatThrownBy(() -> JarVerifier.verify(root, edited, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class)
        .hasMessageContaining("expected " + "a".repeat(64));
  }

  @Test
  void verify_recentlyChangedJar_isCheckedButNotStamped() throws Exception {
    JarVerifier.verify(root, release);

    assertThat(Files.readAllLines(stamps)).isEmpty();
  }

  @Test
  void verify_withoutTmpDirectory_checksAndWritesNothing() throws Exception {
    Files.delete(root.resolve("tmp"));

    JarVerifier.verify(root, release, NO_SETTLING);

    assertThat(root.resolve("tmp")).doesNotExist();
  }

  @Test
  void verify_symlinkedJarWhoseTargetWasRewritten_isRefused() throws Exception {
    Path target = Files.move(jar, root.resolve("target.jar"));
    Files.createSymbolicLink(jar, target);
    JarVerifier.verify(root, release, NO_SETTLING);
    FileTime modified = Files.getLastModifiedTime(target);

    try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
      file.seek(Files.size(target) - 1);
      int last = file.read();
      file.seek(Files.size(target) - 1);
      file.write(last ^ 0xff);
    }
    Files.setLastModifiedTime(target, modified);

    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class).hasMessageContaining("does not match");
  }

  @Test
  void verify_symlinkedJarWhoseLinkChainNowEndsElsewhere_isRefused() throws Exception {
    Path good = Files.move(jar, root.resolve("good.jar"));
    Path bad = Files.write(root.resolve("bad.jar"), new byte[] {1, 2, 3});
    Path hop = Files.createSymbolicLink(root.resolve("hop.jar"), good);
    Files.createSymbolicLink(jar, hop); // the jar's own link never changes below
    JarVerifier.verify(root, release, NO_SETTLING);

    Files.delete(hop);
    Files.createSymbolicLink(hop, bad);

    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class).hasMessageContaining("does not match");
  }

  @Test
  void verify_missingJar_isNamed() throws Exception {
    JarVerifier.verify(root, release, NO_SETTLING);
    Files.delete(jar);

    assertThatThrownBy(() -> JarVerifier.verify(root, release, NO_SETTLING))
        .isInstanceOf(JarMismatchException.class)
        .hasMessageContaining("lib/book_app-1.0/recorder.jar is missing");
  }
}
