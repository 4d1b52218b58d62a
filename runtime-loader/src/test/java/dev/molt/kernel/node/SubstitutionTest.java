package dev.molt.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
  private static final Map<String, String> ENV = Map.of("PORT", "8080", "EMPTY", "", "HOST", "h");

  @Test
  void resolve_plainText_unchanged() throws Exception {
    assertThat(Substitution.resolve("hello", "a.k", ENV)).isEqualTo("hello");
  }

  @Test
  void resolve_setVariable_replaced() throws Exception {
    assertThat(Substitution.resolve("${HOST}:${PORT}", "a.k", ENV)).isEqualTo("h:8080");
  }

  @Test
  void resolve_defaultWithVariableSet_usesVariable() throws Exception {
    assertThat(Substitution.resolve("${PORT:-4000}", "a.k", ENV)).isEqualTo("8080");
  }

  @Test
  void resolve_defaultWithVariableUnsetOrEmpty_usesDefault() throws Exception {
    assertThat(Substitution.resolve("${NOPE:-4000}", "a.k", ENV)).isEqualTo("4000");
    assertThat(Substitution.resolve("${EMPTY:-x}", "a.k", ENV)).isEqualTo("x");
    assertThat(Substitution.resolve("${NOPE:-}", "a.k", ENV)).isEmpty();
  }

  @Test
  void resolve_emptyVariableWithoutDefault_isEmpty() throws Exception {
    assertThat(Substitution.resolve("[${EMPTY}]", "a.k", ENV)).isEqualTo("[]");
  }

  @Test
  void resolve_doubledDollar_literalDollar() throws Exception {
    assertThat(Substitution.resolve("pa$$word $${PORT}", "a.k", ENV)).isEqualTo("pa$word ${PORT}");
  }

  @Test
  void resolve_missingVariable_failsNamingKeyVariableAndRemedy() {
    assertThatThrownBy(() -> Substitution.resolve("${PORT}", "book_app.http.port", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config book_app.http.port needs environment variable PORT, which is not set;"
            + " export PORT=... or give a default: ${PORT:-...}");
  }

  @Test
  void resolve_unclosedReference_fails() {
    assertThatThrownBy(() -> Substitution.resolve("${PORT", "a.k", ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config a.k: '${' is not closed by '}'");
  }

  @Test
  void resolve_loneDollar_fails() {
    assertThatThrownBy(() -> Substitution.resolve("$PORT", "a.k", ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config a.k: a '$' must start ${VAR}");
    assertThatThrownBy(() -> Substitution.resolve("cost 5$", "a.k", ENV))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void resolve_invalidVariableName_fails() {
    assertThatThrownBy(() -> Substitution.resolve("${}", "a.k", ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'${}' does not name a variable");
    assertThatThrownBy(() -> Substitution.resolve("${1X}", "a.k", ENV))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Substitution.resolve("${A-B}", "a.k", ENV))
        .isInstanceOf(ConfigException.class);
  }
}
