package dev.molt.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One check of a signature: the cheap checks on the signature file first (format, namespace,
 * signer), the file's bytes last.
 */
final class Verification {
  private final Path file;
  private final Path signature;
  private final List<SshPublicKey> trusted;
  private final String namespace;

  Verification(Path file, Path signature, List<SshPublicKey> trusted, String namespace) {
    this.file = file;
    this.signature = signature;
    this.trusted = trusted;
    this.namespace = namespace;
  }

  SshPublicKey run() throws SigningException {
    if (!Files.isRegularFile(signature)) {
      throw new MissingSignatureException(file + " has no signature " + signature + ", and only "
          + "files signed by a trusted key are accepted; sign it (molt:upgrade-package "
          + "-Dmolt.signingKey=<key>, or ssh-keygen -Y sign -n " + namespace + " -f <key> " + file
          + ") and put the .sig file beside it");
    }
    SshSig.Parsed parsed = SshSig.decode(
        KeyFiles.readText(signature, "signature", MalformedSignatureException::new), signature);
    if (!parsed.namespace().equals(namespace)) {
      throw new NamespaceMismatchException(signature + " was made for the namespace '"
          + Wire.printable(parsed.namespace()) + "', not '" + namespace + "': it signs something "
          + "else; sign " + file + " for its purpose (ssh-keygen -Y sign -n " + namespace + ")");
    }
    SshPublicKey signer = trustedSigner(parsed.key());
    byte[] hash = hash(SshSig.HASHES.get(parsed.hashAlgorithm()));
    byte[] signed = SshSig.signedData(namespace, parsed.hashAlgorithm(), hash);
    if (!Ed25519.verify(signer.jdkKey(), signed, parsed.signature())) {
      throw new BadSignatureException(signature + " does not match " + file + ": the file or its "
          + "signature was changed after signing, or they come from different builds; take both "
          + "again from the build that made them");
    }
    return signer;
  }

  private SshPublicKey trustedSigner(SshPublicKey key) throws UntrustedKeyException {
    for (SshPublicKey t : trusted) {
      if (t.equals(key)) {
        return t;
      }
    }
    throw new UntrustedKeyException(signature + " was made by the key " + key.fingerprint()
        + ", which is not trusted here (trusted: "
        + (trusted.isEmpty() ? "none" : Signatures.describe(trusted)) + "); sign " + file
        + " with a trusted key, or add that key's .pub to rel/trusted-keys/ of a release the node "
        + "runs first");
  }

  private byte[] hash(String algorithm) throws SigningException {
    try {
      return FileHash.of(file, algorithm);
    } catch (IOException e) {
      throw new SigningException("cannot read " + file + " to check its signature: " + e
          + "; check the path and its permissions", e);
    }
  }
}
