package dev.molt.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarContentsTest {
  /** Larger than the child JVM's heap: a comparison that reads an entry whole cannot finish. */
  private static final int BIG = 96 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void jarsThatDifferOnlyInEntryTimesAreTheSame() throws IOException {
    Path a = jar(dir.resolve("a.jar"), 1_000_000_000_000L, "x".getBytes(StandardCharsets.UTF_8));
    Path b = jar(dir.resolve("b.jar"), 1_500_000_000_000L, "x".getBytes(StandardCharsets.UTF_8));
    Path c = jar(dir.resolve("c.jar"), 1_000_000_000_000L, "y".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.mismatch(a, b)).isNotEqualTo(-1L);
    assertThat(JarContents.same(a, b)).isTrue();
    assertThat(JarContents.same(a, c)).isFalse();
  }

  @Test
  void entriesLargerThanTheHeapAreComparedWithoutReadingThemWhole() throws Exception {
    Path a = jar(dir.resolve("a.jar"), 1_000_000_000_000L, new byte[BIG]);
    Path b = jar(dir.resolve("b.jar"), 1_500_000_000_000L, new byte[BIG]);
    assertThat(compareInSmallJvm(a, b)).isEqualTo("same=true");
  }

  @Test
  void anEntryThatInflatesPastItsDeclaredSizeIsNotTheSameAndIsNotReadOn() throws Exception {
    byte[] small = new byte[10];
    Path node = jar(dir.resolve("node.jar"), 1_000_000_000_000L, small);
    Path bomb = jar(dir.resolve("bomb.jar"), 1_000_000_000_000L, new byte[BIG]);
    CRC32 crc = new CRC32();
    crc.update(small);
    declare(bomb, crc.getValue(), small.length);
    assertThat(compareInSmallJvm(node, bomb)).isEqualTo("same=false");
  }

  /** Runs {@link #main} in a JVM with a 32 MiB heap; its one line of output. */
  private static String compareInSmallJvm(Path a, Path b) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-cp", System.getProperty("java.class.path"), JarContentsTest.class.getName(),
        a.toString(), b.toString()).redirectErrorStream(true).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the comparison finished").isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.exitValue()).as(out).isZero();
      return out;
    } finally {
      p.destroyForcibly();
    }
  }

  public static void main(String[] args) throws IOException {
    System.out.println("same=" + JarContents.same(Path.of(args[0]), Path.of(args[1])));
  }

  private static Path jar(Path path, long time, byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry("data.bin");
      e.setTime(time);
      zip.putNextEntry(e);
      zip.write(data);
      zip.closeEntry();
    }
    return path;
  }

  /** Rewrites the central directory's CRC-32 and size of the jar's one entry. */
  private static void declare(Path jar, long crc, int size) throws IOException {
    byte[] bytes = Files.readAllBytes(jar);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    boolean found = false;
    for (int i = bytes.length - 22; i >= 0 && !found; i--) {
      if (buf.getInt(i) == 0x02014b50) { // central directory file header
        buf.putInt(i + 16, (int) crc);
        buf.putInt(i + 24, size);
        found = true;
      }
    }
    assertThat(found).isTrue();
    Files.write(jar, bytes);
  }
}
