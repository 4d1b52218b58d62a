package dev.molt.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.JarRef;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  private static final String SHA = "0".repeat(64);
  private static final ReleaseDescriptor RELEASE = new ReleaseDescriptor("book", "0.1.0", "prod",
      new KernelRef("0.1.0", List.of(new JarRef("k.jar", SHA))), RuntimeSpec.system(),
      List.of(app("h2", Optional.empty()), app("book_app",
          Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "book.App")))), List.of());

  @TempDir Path dir;

  @Test
  void read_noFile_everyAppHasEmptyConfig() throws Exception {
    Map<String, AppConfig> configs = ConfigFile.read(dir.resolve("config.json"), RELEASE, Map.of());

    assertThat(configs).containsOnlyKeys("h2", "book_app");
    assertThat(configs.get("book_app").asMap()).isEmpty();
  }

  @Test
  void read_nestedKeys_flattenToDottedKeysWithScalarsAsText() throws Exception {
    Map<String, AppConfig> configs = read("""
        {"book_app": {"http": {"port": "${PORT:-4000}", "host": "127.0.0.1"},
                      "db.pool": 5, "ratio": 0.25, "debug": false, "big": 12345678901234}}
        """, Map.of());

    assertThat(configs.get("book_app").asMap()).containsExactly(
        Map.entry("big", "12345678901234"), Map.entry("db.pool", "5"),
        Map.entry("debug", "false"), Map.entry("http.host", "127.0.0.1"),
        Map.entry("http.port", "4000"), Map.entry("ratio", "0.25"));
    assertThat(configs.get("book_app").getInt("http.port")).hasValue(4000);
    assertThat(configs.get("h2").asMap()).isEmpty();
  }

  @Test
  void read_variableSet_substituted() throws Exception {
    Map<String, AppConfig> configs =
        read("{\"book_app\": {\"http\": {\"port\": \"${PORT}\"}}}", Map.of("PORT", "9000"));

    assertThat(configs.get("book_app").require("http.port")).isEqualTo("9000");
  }

  @Test
  void read_missingVariable_failsNamingAppKeyAndVariable() {
    assertThatThrownBy(() -> read("{\"book_app\": {\"http\": {\"port\": \"${PORT}\"}}}", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config book_app.http.port needs environment variable PORT");
  }

  @Test
  void read_unknownApp_failsListingTheApps() {
    assertThatThrownBy(() -> read("{\"bok_app\": {}}", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"bok_app\" is not an app of release book 0.1.0 (apps: h2, book_app)");
  }

  @Test
  void read_notAnObject_fails() {
    assertThatThrownBy(() -> read("[1]", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> read("{\"book_app\": 3}", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be an object of settings");
  }

  @Test
  void read_arrayOrNullValue_failsNamingTheKey() {
    assertThatThrownBy(() -> read("{\"book_app\": {\"hosts\": [\"a\"]}}", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("book_app.hosts must be a string, number, boolean or object, not array");
    assertThatThrownBy(() -> read("{\"book_app\": {\"x\": {\"y\": null}}}", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("book_app.x.y must be");
  }

  @Test
  void read_sameKeyNestedAndDotted_fails() {
    assertThatThrownBy(() -> read("{\"book_app\": {\"http\": {\"port\": 1}, \"http.port\": 2}}",
        Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("book_app.http.port is defined twice");
  }

  @Test
  void read_duplicateKeyOrBadJson_fails() {
    assertThatThrownBy(() -> read("{\"book_app\": {\"a\": 1, \"a\": 2}}", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("{\"book_app\": ", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void read_emptyKey_fails() {
    assertThatThrownBy(() -> read("{\"book_app\": {\"http\": {\"\": 1}}}", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("book_app.http has an empty key");
  }

  @Test
  void config_requireMissingAndGetIntOfText_failNamingKey() throws Exception {
    AppConfig config = read("{\"book_app\": {\"name\": \"x\"}}", Map.of()).get("book_app");

    assertThat(config.get("nope")).isEmpty();
    assertThat(config.getInt("nope")).isEmpty();
    assertThatThrownBy(() -> config.require("nope"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("book_app.nope is not set");
    assertThatThrownBy(() -> config.getInt("name"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> config.asMap().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private Map<String, AppConfig> read(String json, Map<String, String> env) throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), json);
    return ConfigFile.read(file, RELEASE, env);
  }

  private static AppSpec app(String name, Optional<EntryPoint> entry) {
    return new AppSpec(name, "1.0", Optional.empty(), List.of(new JarRef(name + ".jar", SHA)),
        List.of(), entry);
  }
}
