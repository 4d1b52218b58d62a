package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Key stores made with the JDK's keytool, the way an operator makes them. */
final class TestKeyStore {
  static final String PASSWORD = "changeit";

  private TestKeyStore() {}

  /** A PKCS#12 store with a fresh self-signed EC key pair under the alias {@code node}. */
  static Path generate(Path dir, String name) throws Exception {
    Path store = dir.resolve(name + ".p12");
    keytool(dir, "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    return store;
  }

  /** The documented way to give clients a trust store: export the certificate, import it alone. */
  static Path trustStoreFor(Path keyStore, Path dir, String name) throws Exception {
    Path certificate = dir.resolve(name + ".crt");
    Path trust = dir.resolve(name + "-trust.p12");
    keytool(dir, "-exportcert", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-rfc", "-file", certificate.toString());
    keytool(dir, "-importcert", "-noprompt", "-alias", "node", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", PASSWORD);
    return trust;
  }

  static TlsConfig loopback(Path keyStore) {
    return TlsConfig.loopback(keyStore, PASSWORD.toCharArray(), 0);
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("keytool.log").toFile())).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
      assertThat(process.exitValue()).as("keytool " + args[0] + " exit code").isZero();
    } finally {
      process.destroyForcibly();
    }
  }
}
