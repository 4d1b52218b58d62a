package dev.molt.upgrade.unpack;

import dev.molt.signature.SshPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished unpack.
 *
 * @param name the release name
 * @param version the release now {@code unpacked}
 * @param fromPackage true for an upgrade package, false for a whole release tarball
 * @param signer the trusted key that signed the file, when the running release trusts keys
 * @param verified what was checked, one line each
 * @param newLibs the lib/ directories moved in
 * @param keptLibs the lib/ directories of the release the node had already
 * @param archive where the file is kept, relative to the release root
 */
public record Unpacked(String name, String version, boolean fromPackage,
    Optional<SshPublicKey> signer, List<String> verified, List<String> newLibs,
    List<String> keptLibs, String archive) {
  public Unpacked {
    verified = List.copyOf(verified);
    newLibs = List.copyOf(newLibs);
    keptLibs = List.copyOf(keptLibs);
  }

  /**
   * What {@code bin/<name> unpack} prints: what was checked and moved in, in full; the lib/
   * directories the node had already (all the unchanged libraries of a release) are counted on
   * one line unless {@code listKept}, then listed one a line.
   */
  public List<String> lines(boolean listKept) {
    List<String> out = new ArrayList<>();
    out.add("unpacked " + name + " " + version + " from " + (fromPackage ? "an upgrade package"
        : "a release tarball"));
    out.add("  signature: " + signer.map(k -> "good, by " + k.describe())
        .orElse("not checked (this release trusts no key)"));
    verified.forEach(v -> out.add("  verified: " + v));
    out.add("  releases/" + version + "/ and " + (newLibs.isEmpty() ? "no lib/ directory"
        : String.join(", ", newLibs)) + " moved into place");
    if (!keptLibs.isEmpty()) {
      String kept = "  " + keptLibs.size() + (keptLibs.size() == 1 ? " lib/ directory" : " lib/ directories")
          + " already there";
      if (listKept) {
        out.add(kept + ":");
        keptLibs.forEach(l -> out.add("    " + l));
      } else {
        out.add(kept + " (bin/" + name + " unpack --verbose lists them)");
      }
    }
    out.add("  kept as " + archive);
    out.add(name + " " + version + " is unpacked; run bin/" + name + " upgrade " + version
        + " (or install " + version + ")");
    return out;
  }
}
