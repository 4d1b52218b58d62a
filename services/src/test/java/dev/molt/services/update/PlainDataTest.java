package dev.molt.services.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainDataTest {
  @Test
  void copy_ofATree_isEqual_unmodifiable_andSharesNothing() throws Exception {
    List<Object> books = new ArrayList<>(List.of(Map.of("id", 1L, "price", new BigDecimal("9.5"))));
    Map<String, Object> state = new HashMap<>(Map.of("books", books, "open", true));
    state.put("note", null);

    Map<String, Object> copy = PlainData.copy(state, "the state");

    assertThat(copy).isEqualTo(state);
    assertThat(copy.get("books")).isNotSameAs(books);
    books.add("later");
    assertThat((List<?>) copy.get("books")).hasSize(1);
    assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSharedSubtree_isNotACycle() throws Exception {
    Map<String, Object> shared = Map.of("n", 1);
    assertThat(PlainData.copy(Map.of("a", shared, "b", List.of(shared, shared)), "s"))
        .containsEntry("a", shared);
  }

  @Test
  void aLiveObjectDeepInLists_isNamedWithItsPath() {
    Map<String, Object> state = Map.of("shelves", List.of(List.of("a", new StringBuilder())));

    assertThatThrownBy(() -> PlainData.copy(state, "the state exported by 1"))
        .hasMessageStartingWith("the state exported by 1 is not plain data at"
            + " state.shelves[0][1]: a java.lang.StringBuilder");
  }

  @Test
  void aCycleThroughAList_aNonStringKey_andTooDeepANesting_areNamed() {
    List<Object> loop = new ArrayList<>();
    loop.add(Map.of("back", loop));
    Map<Object, Object> intKeys = new HashMap<>(Map.of(7, "x"));
    Map<String, Object> deep = new HashMap<>();
    Map<String, Object> at = deep;
    for (int i = 0; i < PlainData.MAX_DEPTH + 1; i++) {
      Map<String, Object> next = new HashMap<>();
      at.put("d", next);
      at = next;
    }

    assertThatThrownBy(() -> PlainData.copy(Map.of("loop", loop), "s"))
        .hasMessageContaining("s has a cycle at state.loop[0].back");
    assertThatThrownBy(() -> PlainData.copy(Map.of("m", intKeys), "s"))
        .hasMessageContaining("has a key that is not a String at state.m: a java.lang.Integer");
    assertThatThrownBy(() -> PlainData.copy(deep, "s"))
        .hasMessageContaining("nests deeper than " + PlainData.MAX_DEPTH + " levels");
    assertThatThrownBy(() -> PlainData.copy(null, "s")).hasMessageContaining("s is null");
  }
}
