package dev.molt.e2e.support;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Upgrade packages and release tarballs for {@code unpack}: built by the appup compiler, or by
 * the system's {@code tar} from a release root, and damaged ones for the bad-input tests.
 */
public final class Packages {
  private Packages() {}

  /** {@code <out>/book_app-<vsn>-upgrade.tar.gz} from {@code from} to {@code to}, signed with {@code key} if given. */
  public static Path upgradePackage(List<Path> from, Path to, Path out, Optional<Path> key)
      throws Exception {
    return AppupCompiler.upgradePackage(PlanRequest.of(from, to), out, key).tarball();
  }

  /**
   * A whole release tarball {@code <out>} of the release root {@code root} as molt:release lays
   * it out ({@code <name>/...}), with whatever {@code root} holds now (its relup too), less the
   * cookie and the release's own archive.
   */
  public static Path releaseTarball(Path root, String name, String version, Path out) {
    Path work = scratch();
    Path top = work.resolve(name);
    Releases.copy(root, top);
    try {
      Files.deleteIfExists(top.resolve("releases/COOKIE"));
      Files.deleteIfExists(top.resolve("releases/" + version + "/" + name + "-" + version
          + ".tar.gz"));
      SharedBookRelease.deleteTree(top.resolve("tmp"));
      SharedBookRelease.deleteTree(top.resolve("var"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tar(work, name, out);
    SharedBookRelease.deleteTree(work);
    return out;
  }

  /** Extracts {@code tarball} with the system's tar, lets {@code edit} change the tree, packs it again. */
  public static Path retar(Path tarball, Path out, Consumer<Path> edit) {
    Path work = scratch();
    run(List.of("tar", "-xzf", tarball.toString(), "-C", work.toString()));
    edit.accept(work);
    List<String> tops = new ArrayList<>();
    try (var s = Files.list(work)) {
      s.forEach(p -> tops.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of("tar", "-czf", out.toString(), "-C",
        work.toString()));
    command.addAll(tops);
    run(command);
    SharedBookRelease.deleteTree(work);
    return out;
  }

  /** Changes one byte of {@code file} in place. */
  public static void flipByte(Path file, int index) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      bytes[index] ^= 0x20;
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tar entry for {@link #tarOf}: a file with {@code text}, a directory, or a symlink to {@code link}. */
  public record Entry(String name, String text, String link) {
    public static Entry file(String name, String text) {
      return new Entry(name, text, null);
    }

    public static Entry symlink(String name, String target) {
      return new Entry(name, null, target);
    }
  }

  /** A .tar.gz holding exactly {@code entries}, names as given (no checks: for hostile archives). */
  public static Path tarOf(Path out, List<Entry> entries) {
    try (OutputStream file = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        if (e.link() != null) {
          TarArchiveEntry t = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
          t.setLinkName(e.link());
          tar.putArchiveEntry(t);
        } else {
          byte[] bytes = e.text().getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry t = new TarArchiveEntry(e.name(), true);
          t.setSize(bytes.length);
          tar.putArchiveEntry(t);
          tar.write(bytes);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void tar(Path dir, String top, Path out) {
    run(List.of("tar", "-czf", out.toString(), "-C", dir.toString(), top));
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("molt-e2e-pkg-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
