package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Release inputs from plain Maven output, for CI systems that do not run the Molt plugin: the
 * dependency tree written by {@code mvn dependency:tree -DoutputType=tgf -Dscope=runtime
 * -DoutputFile=deps.tgf} and the jars of {@code mvn dependency:copy-dependencies
 * -DincludeScope=runtime -DoutputDirectory=lib}. Stateless and thread-safe.
 *
 * <p>The tree's root is the application; every other artifact becomes a library named by its
 * artifactId ({@code groupId.artifactId} when two artifacts share an artifactId), with the tree's
 * edges as dependencies, and the application's class path lists them all in the tree's order
 * (depth first, as Maven orders a class path). Nodes that appear more than once (as with {@code -Dverbose}) are merged by
 * groupId:artifactId, so their extra edges are kept.
 */
public final class MavenTreeInputs {

  private MavenTreeInputs() {}

  /**
   * @param tgfTree the TGF dependency tree; its first node is the application
   * @param libDir the folder of copied runtime dependency jars ({@code artifactId-version.jar})
   * @param appJar the application's own jar
   * @param mainClass its entry class; empty to use the jar manifest's Main-Class
   * @return the apps, the application first
   */
  public static List<AppInput> read(Path tgfTree, Path libDir, Path appJar, Optional<String> mainClass)
      throws ReleaseBuildException {
    TgfTree tree = TgfTree.parse(tgfTree);
    Map<String, String> names = names(tree);
    List<String> classPath = new ArrayList<>();
    List<Path> classPathJars = new ArrayList<>(List.of(appJar));
    for (TgfTree.Artifact a : tree.artifacts().values()) {
      if (a.key().equals(tree.rootKey())) {
        continue;
      }
      Path jar = libDir.resolve(a.fileName());
      if (!Files.isRegularFile(jar)) {
        throw new InvalidInputException("dependency " + a.coordinates() + " has no jar " + jar
            + "; run mvn dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="
            + libDir + " (with the same POM as the tree)");
      }
      classPath.add(names.get(a.key()));
      classPathJars.add(jar);
    }
    Optional<EntryPoint> entry = Optional.of(EntryPoints.detect(classPathJars, mainClass));
    List<AppInput> apps = new ArrayList<>();
    for (TgfTree.Artifact a : tree.artifacts().values()) {
      List<String> deps = new ArrayList<>(new TreeSet<>(
          tree.edges().getOrDefault(a.key(), Set.of()).stream().map(names::get).toList()));
      boolean root = a.key().equals(tree.rootKey());
      apps.add(new AppInput(names.get(a.key()), a.version(), Optional.of(a.coordinates()),
          List.of(root ? appJar : libDir.resolve(a.fileName())), deps,
          root ? classPath : List.of(), root ? entry : Optional.empty()));
    }
    return apps;
  }

  /** artifactId, or groupId.artifactId where two artifacts share an artifactId. */
  private static Map<String, String> names(TgfTree tree) {
    Map<String, Integer> count = new HashMap<>();
    tree.artifacts().values().forEach(a -> count.merge(a.simpleName(), 1, Integer::sum));
    Map<String, String> names = new LinkedHashMap<>();
    for (TgfTree.Artifact a : tree.artifacts().values()) {
      names.put(a.key(), count.get(a.simpleName()) > 1 ? a.groupId() + "." + a.simpleName() : a.simpleName());
    }
    return names;
  }

  /** The parsed TGF: artifacts by groupId:artifactId[:classifier], the root first, and edges. */
  record TgfTree(String rootKey, Map<String, Artifact> artifacts, Map<String, Set<String>> edges) {
    record Artifact(String groupId, String artifactId, String type, Optional<String> classifier,
        String version) {
      String key() {
        return groupId + ":" + artifactId + classifier.map(c -> ":" + c).orElse("");
      }

      String simpleName() {
        return artifactId + classifier.map(c -> "-" + c).orElse("");
      }

      String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
      }

      String fileName() {
        return artifactId + "-" + version + classifier.map(c -> "-" + c).orElse("") + "." + type;
      }
    }

    static TgfTree parse(Path file) throws InvalidInputException {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new InvalidInputException("cannot read the dependency tree " + file + ": " + e.getMessage()
            + "; write it with mvn dependency:tree -DoutputType=tgf -Dscope=runtime -DoutputFile=" + file, e);
      }
      return TgfParser.parse(file, lines);
    }
  }
}
