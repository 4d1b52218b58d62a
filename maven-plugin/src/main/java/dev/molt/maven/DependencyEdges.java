package dev.molt.maven;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The direct dependency edges between the project and its dependencies, keyed by {@code
 * groupId:artifactId}, as the resolver's dependency graph records them.
 *
 * <p>The graph is collected in the resolver's verbose mode on purpose: the default graph keeps each
 * artifact under one parent only, so when two libraries both use a third, the second edge would be
 * lost, and the upgrade plans and {@code describe}, which read the edges, would not know that the
 * second library uses the third (class loading does not depend on them: one loader per
 * application holds every library of its class path). In verbose
 * mode every parent keeps its child, and a child that lost conflict resolution points to the
 * winning node; the edge is drawn to the winner's {@code groupId:artifactId}, and the winner's own
 * edges are read from the winner, wherever it sits in the graph.
 */
final class DependencyEdges {
  /** The resolver's key for the winner of a conflict (ConflictResolver.NODE_DATA_WINNER). */
  private static final String WINNER = "conflict.winner";

  private static final String VERBOSE = "aether.conflictResolver.verbose";
  private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

  private final MavenProject project;
  private final MavenSession session;
  private final ProjectDependenciesResolver resolver;

  DependencyEdges(MavenProject project, MavenSession session, ProjectDependenciesResolver resolver) {
    this.project = project;
    this.session = session;
    this.resolver = resolver;
  }

  /** For each {@code groupId:artifactId}, the {@code groupId:artifactId}s it depends on directly. */
  Map<String, Set<String>> edges() throws MojoExecutionException {
    DefaultRepositorySystemSession verbose =
        new DefaultRepositorySystemSession(session.getRepositorySession());
    verbose.setConfigProperty(VERBOSE, Boolean.TRUE);
    DefaultDependencyResolutionRequest request =
        new DefaultDependencyResolutionRequest(project, verbose);
    // Only the graph is wanted: Maven resolved the files already, and losers need no download.
    request.setResolutionFilter((node, parents) -> false);
    DependencyNode root;
    try {
      root = resolver.resolve(request).getDependencyGraph();
    } catch (DependencyResolutionException e) {
      DependencyResolutionResult partial = e.getResult();
      if (partial == null || partial.getDependencyGraph() == null) {
        throw new MojoExecutionException(
            "cannot read the dependency graph of " + project.getId() + ": " + e.getMessage(), e);
      }
      root = partial.getDependencyGraph();
    }
    return fromGraph(root, key(project.getGroupId(), project.getArtifactId()));
  }

  /** The edges of a verbose dependency graph whose root stands for {@code rootKey}. */
  static Map<String, Set<String>> fromGraph(DependencyNode root, String rootKey) {
    Map<String, Set<String>> edges = new TreeMap<>();
    walk(root, rootKey, edges, Collections.newSetFromMap(new IdentityHashMap<>()));
    return edges;
  }

  private static void walk(
      DependencyNode node, String nodeKey, Map<String, Set<String>> edges, Set<DependencyNode> seen) {
    if (!seen.add(node)) {
      return;
    }
    for (DependencyNode child : node.getChildren()) {
      if (child.getDependency() == null
          || !RUNTIME_SCOPES.contains(child.getDependency().getScope())) {
        continue;
      }
      DependencyNode target = child.getData().get(WINNER) instanceof DependencyNode winner
          ? winner
          : child;
      String childKey = key(target.getArtifact());
      edges.computeIfAbsent(nodeKey, k -> new TreeSet<>()).add(childKey);
      // A loser keeps no children in verbose mode: what it needs, its winner says.
      walk(target, childKey, edges, seen);
    }
  }

  private static String key(Artifact artifact) {
    return key(artifact.getGroupId(), artifact.getArtifactId());
  }

  static String key(String groupId, String artifactId) {
    return groupId + ":" + artifactId;
  }
}
