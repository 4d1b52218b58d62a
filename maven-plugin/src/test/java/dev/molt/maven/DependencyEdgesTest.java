package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;

class DependencyEdgesTest {

  @Test
  void fromGraph_loserNode_drawsEdgeToWinner() {
    DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("g:app:1"));
    DefaultDependencyNode lang = node("org:lang:3.17", "compile");
    DefaultDependencyNode compress = node("org:compress:1.28", "compile");
    DefaultDependencyNode loser = node("org:lang:3.18", "compile");
    loser.setData("conflict.winner", lang);
    compress.setChildren(new ArrayList<>(List.of(loser)));
    root.setChildren(new ArrayList<>(List.of(compress, lang)));

    Map<String, Set<String>> edges = DependencyEdges.fromGraph(root, "g:app");

    assertThat(edges).containsEntry("g:app", Set.of("org:compress", "org:lang"))
        .containsEntry("org:compress", Set.of("org:lang"));
  }

  @Test
  void fromGraph_diamond_keepsBothEdgesToTheSharedLibrary_andItsOwnEdges() {
    // app -> web -> core -> logging and app -> data -> core: core reached twice, once as a loser
    DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("g:app:1"));
    DefaultDependencyNode web = node("org:web:1", "compile");
    DefaultDependencyNode data = node("org:data:1", "compile");
    DefaultDependencyNode core = node("org:core:2", "compile");
    DefaultDependencyNode coreLoser = node("org:core:1", "compile");
    coreLoser.setData("conflict.winner", core);
    core.setChildren(new ArrayList<>(List.of(node("org:logging:1", "runtime"))));
    web.setChildren(new ArrayList<>(List.of(coreLoser)));
    data.setChildren(new ArrayList<>(List.of(core)));
    root.setChildren(new ArrayList<>(List.of(web, data)));

    Map<String, Set<String>> edges = DependencyEdges.fromGraph(root, "g:app");

    assertThat(edges).containsEntry("g:app", Set.of("org:web", "org:data"))
        .containsEntry("org:web", Set.of("org:core"))
        .containsEntry("org:data", Set.of("org:core"))
        .containsEntry("org:core", Set.of("org:logging"));
  }

  @Test
  void fromGraph_testAndProvidedChildren_areNotEdges() {
    DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("g:app:1"));
    root.setChildren(new ArrayList<>(List.of(
        node("org:junit:5", "test"), node("dev.molt:molt-api:1", "provided"),
        node("org:rt:1", "runtime"))));

    Map<String, Set<String>> edges = DependencyEdges.fromGraph(root, "g:app");

    assertThat(edges).containsExactly(Map.entry("g:app", Set.of("org:rt")));
  }

  private static DefaultDependencyNode node(String coordinates, String scope) {
    return new DefaultDependencyNode(new Dependency(new DefaultArtifact(coordinates), scope));
  }
}
