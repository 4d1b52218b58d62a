package dev.molt.release;

import dev.molt.release.MavenTreeInputs.TgfTree;
import dev.molt.release.MavenTreeInputs.TgfTree.Artifact;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses Maven's TGF dependency tree: "id label" node lines, a "#" line, then "from to scope" edge
 * lines. Labels are {@code g:a:type[:classifier]:version[:scope]}, possibly wrapped in parentheses
 * with a "- omitted for ..." note when the tree is verbose.
 */
final class TgfParser {
  private TgfParser() {}

  static TgfTree parse(Path file, List<String> lines) throws InvalidInputException {
    Map<String, Artifact> byId = new HashMap<>();
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    String rootKey = null;
    boolean inEdges = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("#")) {
        inEdges = true;
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 2) {
        throw bad(file, i, line);
      }
      if (!inEdges) {
        String label = parts[1] + (parts.length > 2 ? " " + parts[2] : "");
        Optional<Artifact> a = artifact(label, rootKey == null);
        if (a.isEmpty() && rootKey == null) {
          throw bad(file, i, line);
        }
        if (a.isPresent()) {
          byId.put(parts[0], a.get());
          if (label.startsWith("(")) {
            artifacts.putIfAbsent(a.get().key(), a.get()); // omitted in a verbose tree: a loser
          } else if (!a.get().key().equals(rootKey)) {
            artifacts.put(a.get().key(), a.get());
          }
          rootKey = rootKey == null ? a.get().key() : rootKey;
        }
      } else {
        Artifact from = byId.get(parts[0]);
        Artifact to = byId.get(parts[1]);
        if (from != null && to != null) {
          edges.computeIfAbsent(from.key(), k -> new TreeSet<>()).add(to.key());
        }
      }
    }
    if (rootKey == null) {
      throw new InvalidInputException(file + " holds no dependency tree; write it with "
          + "mvn dependency:tree -DoutputType=tgf -Dscope=runtime -DoutputFile=" + file);
    }
    return new TgfTree(rootKey, artifacts, edges);
  }

  /** The artifact of a label, or empty for nodes that carry no runtime jar (test scope, pom). */
  static Optional<Artifact> artifact(String label, boolean root) {
    String l = label.strip();
    if (l.startsWith("(")) {
      l = l.substring(1).replaceFirst("\\s+-\\s+.*$", "").replaceFirst("\\)$", "");
    }
    l = l.split("\\s+")[0];
    String[] p = l.split(":");
    int n = p.length - (root ? 0 : 1);
    if (p.length < 4 || n < 4 || n > 5) {
      return Optional.empty();
    }
    if (!root && Set.of("test", "provided", "system", "import").contains(p[p.length - 1])) {
      return Optional.empty();
    }
    if (!root && !p[2].equals("jar")) {
      return Optional.empty();
    }
    Optional<String> classifier = n == 5 ? Optional.of(p[3]) : Optional.empty();
    return Optional.of(new Artifact(p[0], p[1], p[2], classifier, p[n - 1]));
  }

  private static InvalidInputException bad(Path file, int line, String text) {
    return new InvalidInputException(file + ":" + (line + 1) + ": not a TGF dependency tree line: '"
        + text + "'; write the file with mvn dependency:tree -DoutputType=tgf -Dscope=runtime");
  }
}
