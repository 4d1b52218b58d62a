package dev.molt.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the one field of {@code rel/molt.json} the plugin needs before the builder runs. */
final class MoltJson {
  private MoltJson() {}

  /**
   * The {@code name} declared in {@code <relDir>/molt.json}; empty when the file or the field is
   * missing, or the file is not JSON. The builder validates the file fully and reports its errors,
   * so a broken file is not an error here.
   */
  static Optional<String> declaredName(Path relDir) {
    Path file = relDir.resolve("molt.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode name = new ObjectMapper().readTree(file.toFile()).path("name");
      return name.isTextual() && !name.asText().isBlank()
          ? Optional.of(name.asText())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
