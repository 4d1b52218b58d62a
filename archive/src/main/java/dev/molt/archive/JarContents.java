package dev.molt.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compares jars by what they hold, not by their bytes: the same entry names with the same bytes,
 * whatever the entry times and order. A library rebuilt from unchanged sources without a fixed
 * {@code project.build.outputTimestamp} differs only in its entry times, and is the same code.
 * The appup compiler ("same version, different jars") and the node's {@code unpack} (a release
 * tarball's {@code lib/} directory the node has already) both use it. Stateless.
 */
public final class JarContents {
  private static final int BLOCK = 64 * 1024;

  private JarContents() {}

  /** Whether the jars hold the same entries pairwise (both lists in class path order). */
  public static boolean same(List<Path> a, List<Path> b) throws IOException {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether two jars hold the same entry names with the same bytes. */
  public static boolean same(Path a, Path b) throws IOException {
    try (ZipFile za = new ZipFile(a.toFile()); ZipFile zb = new ZipFile(b.toFile())) {
      Map<String, ZipEntry> ea = entries(za);
      Map<String, ZipEntry> eb = entries(zb);
      if (!ea.keySet().equals(eb.keySet())) {
        return false;
      }
      for (Map.Entry<String, ZipEntry> e : ea.entrySet()) {
        if (!sameBytes(za, e.getValue(), zb, eb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
  }

  private static Map<String, ZipEntry> entries(ZipFile zip) {
    Map<String, ZipEntry> out = new TreeMap<>();
    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
      ZipEntry e = en.nextElement();
      out.put(e.getName(), e);
    }
    return out;
  }

  /**
   * The zip directory's size and CRC-32 settle most pairs; equal ones are read to be sure, a block
   * of each at a time: an entry of hundreds of megabytes (a model, a bundled archive) takes no
   * more memory than a small one, and an entry that inflates to more than its directory says (a
   * zip bomb in a tarball given to a node) is told apart after its declared size, not read on.
   */
  private static boolean sameBytes(ZipFile za, ZipEntry a, ZipFile zb, ZipEntry b) throws IOException {
    if (a.getSize() != b.getSize() || a.getCrc() != b.getCrc()) {
      return false;
    }
    long left = a.getSize() + 1; // one byte past the declared size tells a longer stream
    byte[] ba = new byte[BLOCK];
    byte[] bb = new byte[BLOCK];
    try (InputStream ia = za.getInputStream(a); InputStream ib = zb.getInputStream(b)) {
      while (left > 0) {
        int want = (int) Math.min(BLOCK, left);
        int na = ia.readNBytes(ba, 0, want);
        int nb = ib.readNBytes(bb, 0, want);
        if (na != nb || !Arrays.equals(ba, 0, na, bb, 0, nb)) {
          return false;
        }
        if (na < want) {
          return left - na == 1; // both ended, at the declared size
        }
        left -= na;
      }
      return false; // both run past their declared size
    }
  }
}
