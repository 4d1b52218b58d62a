import java.nio.file.Files;
import java.nio.file.Path;

/** Drops the "classPath" arrays from release.json files (bench/loader-models.sh). */
public class StripClassPath {
  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      Path file = Path.of(arg);
      String text = Files.readString(file);
      Files.writeString(file, text.replaceAll("(?s),\\s*\"classPath\" : \\[[^\\]]*\\]", ""));
    }
  }
}
