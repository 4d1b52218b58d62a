package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes {@code bin/<name>} and its helper functions in {@code bin/<name>.d/}. */
final class WriteBinScriptStep implements Step {
  @Override
  public String describe(BuildContext c) {
    return "Writing bin/" + c.name();
  }

  @Override
  public void run(BuildContext c) throws IOException {
    Path bin = c.staging.resolve("bin");
    Files.createDirectories(bin.resolve(c.name() + ".d"));
    write(bin.resolve(c.name()), template("release.sh", c.name()));
    write(bin.resolve(c.name() + ".d/functions.sh"), template("functions.sh", c.name()));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static String template(String resource, String name) throws IOException {
    try (InputStream in = WriteBinScriptStep.class.getResourceAsStream("bin/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template bin/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@NAME@", name);
    }
  }
}
