package dev.molt.appup.pack;

import java.util.Collection;
import java.util.TreeSet;

/** The parent directories of a set of tarball paths, as sorted entries ending with '/'. */
final class Directories {
  private Directories() {}

  static TreeSet<String> of(Collection<String> files) {
    TreeSet<String> dirs = new TreeSet<>();
    for (String f : files) {
      for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
        dirs.add(f.substring(0, i + 1));
      }
    }
    return dirs;
  }
}
