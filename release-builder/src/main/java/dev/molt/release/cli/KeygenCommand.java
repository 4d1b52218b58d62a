package dev.molt.release.cli;

import dev.molt.signature.SigningException;
import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code molt keygen <name>}: writes an Ed25519 key pair for signing upgrade packages, in
 * OpenSSH's formats (the same as {@code ssh-keygen -t ed25519 -N ''}), never overwriting a file.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Writes an Ed25519 key pair for signing upgrade packages: <name> (the private key, "
        + "unencrypted OpenSSH format, mode 0600) and <name>.pub (the public key line). Never overwrites.",
        "Put <name>.pub in rel/trusted-keys/ so releases trust it; keep <name> in a secret store (a CI secret)."})
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name>", description = "the private key file to write; the public key goes to <name>.pub")
  Path file;

  @Option(names = {"-C", "--comment"}, defaultValue = "molt-signing",
      description = "the comment of the public key, to tell keys apart (default: ${DEFAULT-VALUE})")
  String comment;

  @Override
  public Integer call() throws SigningException {
    SshKeyPair pair = Signatures.generate(comment);
    Signatures.writeKeyPair(file, pair);
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + file);
    out.println("wrote " + file + ".pub");
    out.println(pair.publicKey().fingerprint() + " " + comment);
    spec.commandLine().getErr().println("molt: keep " + file + " secret (a CI secret: "
        + Signatures.SIGNING_KEY_ENV + "=<its path>); copy " + file + ".pub to rel/trusted-keys/ "
        + "so that releases trust packages it signs");
    return 0;
  }
}
