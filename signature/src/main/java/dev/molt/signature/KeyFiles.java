package dev.molt.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads and writes key files: {@code .pub} lines, OpenSSH private keys, trusted-key folders. */
final class KeyFiles {
  /** Far above any key or signature file: a bigger one is not what it claims to be. */
  static final int MAX_TEXT = 64 * 1024;

  private KeyFiles() {}

  static SshPublicKey readPublicKey(Path file) throws SigningException {
    String text = readKeyText(file, "public key");
    for (String line : text.lines().map(String::strip).toList()) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        return parseLine(line, file.toString());
      }
    }
    throw new KeyFileException(file + " holds no public key line; put the 'ssh-ed25519 AAAA… "
        + "comment' line of a .pub file in it");
  }

  static SshPublicKey parseLine(String line, String source) throws KeyFileException {
    Function<String, SigningException> error = m -> new KeyFileException(source + " is not an "
        + "ssh-ed25519 public key line: " + m + "; use the .pub file written by molt keygen or "
        + "ssh-keygen -t ed25519");
    String[] parts = line.strip().split("\\s+", 3);
    try {
      if (parts.length < 2) {
        throw error.apply("expected 'ssh-ed25519 <base64> [comment]'");
      }
      if (!parts[0].equals(SshPublicKey.TYPE)) {
        throw error.apply("its key type is '" + Wire.printable(parts[0]) + "'");
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw error.apply("invalid base64 (" + e.getMessage() + ")");
      }
      return SshPublicKey.fromBlob(blob, parts.length == 3 ? parts[2] : "", error);
    } catch (KeyFileException e) {
      throw e;
    } catch (SigningException e) {
      throw new IllegalStateException("the error function makes only KeyFileExceptions", e);
    }
  }

  /** The keys of {@code dir/*.pub}, by file name; none when the folder does not exist. */
  static List<SshPublicKey> trustedKeys(Path dir) throws SigningException {
    List<SshPublicKey> keys = new ArrayList<>();
    for (Path file : publicKeyFiles(dir)) {
      keys.add(readPublicKey(file));
    }
    return keys;
  }

  /** {@code dir/*.pub} sorted by name; empty when {@code dir} does not exist. */
  static List<Path> publicKeyFiles(Path dir) throws SigningException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".pub")).sorted().toList();
    } catch (IOException e) {
      throw new KeyFileException("cannot list the trusted keys in " + dir + ": " + e.getMessage()
          + "; check the folder's permissions", e);
    }
  }

  static SshKeyPair readPrivateKey(Path file) throws SigningException {
    return PrivateKeyFormat.decode(readKeyText(file, "private key"), file);
  }

  /**
   * Writes {@code file} (mode 0600) and {@code file.pub}; refuses, writing nothing, when either
   * exists.
   */
  static void writeKeyPair(Path file, SshKeyPair pair) throws SigningException {
    Path pub = file.resolveSibling(file.getFileName() + ".pub");
    for (Path p : List.of(file, pub)) {
      if (Files.exists(p)) {
        throw new KeyFileException(p + " already exists; Molt never overwrites a key: choose "
            + "another name or move the old key away first");
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      createNew(file, PrivateKeyFormat.encode(pair), "rw-------");
      try {
        createNew(pub, pair.publicKey().line() + "\n", "rw-r--r--");
      } catch (IOException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(e.getFile() + " was created meanwhile; Molt never overwrites a key: "
          + "choose another name", e);
    } catch (IOException e) {
      throw new KeyFileException("cannot write the key " + file + ": " + e.getMessage()
          + "; check that the folder is writable", e);
    }
  }

  /** Creates {@code file} with its mode from the start, so the private key is never readable by others. */
  private static void createNew(Path file, String text, String mode) throws IOException {
    boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
        : new FileAttribute<?>[0];
    try (OutputStream out = Files.newOutputStream(Files.createFile(file, attrs), StandardOpenOption.WRITE)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The text of a small file; {@code what} names it in errors, {@code error} makes them. */
  static String readText(Path file, String what, Function<String, SigningException> error)
      throws SigningException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_TEXT + 1);
      if (bytes.length > MAX_TEXT) {
        throw error.apply(file + " is larger than " + MAX_TEXT + " bytes: not a " + what
            + " file; check the path");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error.apply("cannot read the " + what + " file " + file + ": " + e
          + "; check the path and its permissions");
    }
  }

  private static String readKeyText(Path file, String what) throws SigningException {
    return readText(file, what, KeyFileException::new);
  }
}
