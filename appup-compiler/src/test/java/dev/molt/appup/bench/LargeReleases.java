package dev.molt.appup.bench;

import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;

import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import dev.molt.appup.testkit.ReleaseGen;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Generates two versions of a large release for the benchmark: {@code jars} apps of one jar each,
 * {@code classes} classes spread evenly, every {@code 1/changedEvery}-th class changed (one in five
 * of those structurally, by an added field; the others in one method body). Changes are spread
 * over all jars, the worst case for skipping unchanged jars. Apps form dependency chains of ten.
 */
final class LargeReleases {
  /** Where the two releases were written and what changed. */
  record Pair(Path from, Path to, int changed, int structural, int changedJars) {}

  private LargeReleases() {}

  static Pair generate(Path dir, int jars, int classes, int changedEvery) throws IOException {
    ReleaseGen from = ReleaseGen.release("big", "1.0.0");
    ReleaseGen to = ReleaseGen.release("big", "1.1.0");
    int perJar = classes / jars;
    int changed = 0;
    int structural = 0;
    int changedJars = 0;
    for (int j = 0; j < jars; j++) {
      JarGen a = JarGen.jar();
      JarGen b = JarGen.jar();
      boolean jarChanged = false;
      for (int i = 0; i < perJar; i++) {
        int k = j * perJar + i;
        String name = String.format("g.app%03d.C%05d", j, k);
        a.add(cls(name, k, false, false));
        boolean change = k % changedEvery == changedEvery / 2;
        boolean struct = change && (k / changedEvery) % 5 == 0;
        b.add(cls(name, k, change, struct));
        changed += change ? 1 : 0;
        structural += struct ? 1 : 0;
        jarChanged |= change;
      }
      changedJars += jarChanged ? 1 : 0;
      String app = String.format("app%03d", j);
      String[] deps = j % 10 == 0 ? new String[0] : new String[] {String.format("app%03d", j - 1)};
      from.lib(app, "1.0.0", a, deps);
      to.lib(app, jarChanged ? "1.1.0" : "1.0.0", b, deps);
    }
    return new Pair(from.write(dir.resolve("from")), to.write(dir.resolve("to")), changed, structural, changedJars);
  }

  /** A class of realistic size: a few fields and eight small methods. */
  private static ClassGen cls(String name, int k, boolean change, boolean structural) {
    ClassGen g = ClassGen.of(name).implement("java.io.Serializable")
        .field(ACC_PRIVATE, "id", "J").field(ACC_PRIVATE, "name", "Ljava/lang/String;")
        .field(ACC_PRIVATE, "items", "Ljava/util/List;");
    for (int m = 0; m < 8; m++) {
      g.method(ACC_PUBLIC, "op" + m, "(I)I", k * 31 + m + (change && m == 3 ? 1_000_000 : 0));
    }
    if (structural) {
      g.field(ACC_PRIVATE, "added", "I");
    }
    return g;
  }
}
