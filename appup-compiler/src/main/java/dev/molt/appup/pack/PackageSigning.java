package dev.molt.appup.pack;

import dev.molt.appup.error.SigningKeyException;
import dev.molt.signature.SigningException;
import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Signs a written upgrade package into {@code <package>.sig}: an SSH signature (namespace {@value
 * Signatures#UPGRADE_PACKAGE_NAMESPACE}) that nodes trusting the key require, and that
 * {@code ssh-keygen -Y verify} checks by hand.
 */
public final class PackageSigning {
  private PackageSigning() {}

  /** Reads the signing key before anything is written, so a bad key writes nothing. */
  public static SshKeyPair readKey(Path file) throws SigningKeyException {
    try {
      return Signatures.readPrivateKey(file);
    } catch (SigningException e) {
      throw new SigningKeyException("cannot sign the upgrade package: " + e.getMessage(), e);
    }
  }

  /**
   * Signs the package with {@code key}, or, without a key, removes a {@code .sig} an earlier run
   * left beside it (it would not match the new package). When signing fails, the package and its
   * checksum are removed too.
   *
   * @return the signature file, when signed
   */
  public static Optional<Path> sign(UpgradePackageWriter.Written written, Optional<SshKeyPair> key)
      throws SigningKeyException {
    Path sig = Signatures.signatureOf(written.tarball());
    try {
      if (key.isEmpty()) {
        Files.deleteIfExists(sig);
        return Optional.empty();
      }
      return Optional.of(Signatures.sign(written.tarball(), key.get(), Signatures.UPGRADE_PACKAGE_NAMESPACE));
    } catch (SigningException | IOException e) {
      for (Path p : List.of(written.tarball(), written.checksum(), sig)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new SigningKeyException("cannot sign (or remove the old signature of) " + written.tarball()
          + ", so the package was removed: " + e.getMessage(), e);
    }
  }
}
