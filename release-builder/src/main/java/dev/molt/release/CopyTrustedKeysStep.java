package dev.molt.release;

import dev.molt.signature.SigningException;
import dev.molt.signature.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies {@code rel/trusted-keys/*.pub} to {@code releases/<vsn>/trusted-keys/}: the public keys
 * whose signatures the node running this release accepts on upgrade packages. Each file must be an
 * ssh-ed25519 public key line; a private key put there by mistake stops the build.
 */
final class CopyTrustedKeysStep implements Step {
  static final String DIR = "trusted-keys";

  @Override
  public boolean applies(BuildContext c) {
    return Files.isDirectory(c.request.relDir().resolve(DIR));
  }

  @Override
  public String describe(BuildContext c) {
    return "Copying the trusted keys of rel/" + DIR + "/";
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException, IOException {
    Path to = c.versionDir().resolve(DIR);
    for (Path file : list(c.request.relDir().resolve(DIR))) {
      refusePrivateKey(file);
      if (!file.getFileName().toString().endsWith(".pub")) {
        continue;
      }
      try {
        Signatures.readPublicKey(file);
      } catch (SigningException e) {
        throw new InvalidRelConfigException(e.getMessage() + " (rel/" + DIR + "/ holds the public keys "
            + "whose signatures on upgrade packages this release accepts)", e);
      }
      Files.createDirectories(to);
      Files.copy(file, to.resolve(file.getFileName().toString()));
    }
  }

  private static void refusePrivateKey(Path file) throws IOException, InvalidRelConfigException {
    if (Files.isRegularFile(file) && Files.size(file) < 64 * 1024
        && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("PRIVATE KEY-----")) {
      throw new InvalidRelConfigException(file + " is a private key: it must never be in rel/ (it "
          + "would ship inside every release); delete it there, keep it in a secret store, and put "
          + "only its .pub in rel/" + DIR + "/");
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
