package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the starter {@code rel/} folder from the templates in {@code init/}, never overwriting. */
final class RelInit {
  private RelInit() {}

  static InitResult write(Path relDir, String name) throws ReleaseBuildException {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new InvalidInputException("release name '" + name
          + "' must be letters, digits, '_', '.', '-'; pick another name");
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("molt.json", "molt.json");
    files.put("jvm.options", "jvm.options");
    files.put("config.json", "config.json");
    files.put("hooks/README.md", "hooks-README.md");
    files.put("commands/README.md", "commands-README.md");
    files.put("trusted-keys/README.md", "trusted-keys-README.md");
    List<Path> written = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = relDir.resolve(f.getKey());
        String text = template(f.getValue()).replace("@NAME@", name);
        if (create(target, text)) {
          written.add(target);
        } else {
          kept.add(target);
        }
      }
    } catch (IOException e) {
      throw new ReleaseBuildException("cannot write " + relDir + ": " + e.getMessage()
          + "; check that the folder is writable", e);
    }
    return new InitResult(written, kept);
  }

  /** Creates the file only if absent (CREATE_NEW: no check-then-write race). */
  private static boolean create(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  static String template(String resource) {
    try (InputStream in = RelInit.class.getResourceAsStream("init/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template init/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
