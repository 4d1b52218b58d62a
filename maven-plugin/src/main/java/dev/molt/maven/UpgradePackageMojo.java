package dev.molt.maven;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.UpgradePackageResult;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.plan.Gate;
import dev.molt.signature.Signatures;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code molt:upgrade-package} writes {@code <outputDirectory>/<name>-<vsn>-upgrade.tar.gz} and its
 * {@code .sha256}: the new release's {@code releases/<vsn>/} with the relup from (and back to)
 * every release of {@code molt.upfrom}, the {@code lib/} directories some earlier release lacks,
 * and checksums. Identical inputs give identical bytes; a failure leaves nothing behind. With a
 * signing key ({@code molt.signingKey}, or the file named by {@code MOLT_SIGNING_KEY_FILE}) it also
 * writes {@code <package>.sig}, the SSH signature nodes that trust the key require. The package
 * is attached to the project (type {@code tar.gz}, classifier {@code upgrade}). Maven creates one
 * instance per execution.
 */
@Mojo(name = "upgrade-package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UpgradePackageMojo extends AbstractUpgradeMojo {
  /** The classifier of the attached upgrade package. */
  static final String CLASSIFIER = "upgrade";

  /** Attach the upgrade package to the project, so install and deploy publish it. */
  @Parameter(property = "molt.attach", defaultValue = "true")
  boolean attach;

  /**
   * The Ed25519 private key (unencrypted OpenSSH format, from {@code molt keygen} or {@code
   * ssh-keygen -t ed25519 -N ''}) to sign the package with into {@code <package>.sig}. When unset,
   * the file named by the environment variable {@code MOLT_SIGNING_KEY_FILE} (a CI secret), if
   * any; otherwise the package is not signed.
   */
  @Parameter(property = "molt.signingKey")
  File signingKey;

  private final MavenProjectHelper projectHelper;

  /** Maven (Sisu) injects the repository system and the helper that attaches artifacts. */
  @Inject
  public UpgradePackageMojo(RepositorySystem repositorySystem, MavenProjectHelper projectHelper) {
    super(repositorySystem);
    this.projectHelper = projectHelper;
  }

  @Override
  String goal() {
    return "molt:upgrade-package";
  }

  @Override
  void run(PlanRequest request, Optional<Gate> gate) throws AppupException, MojoFailureException {
    if (gate.isPresent()) {
      checkGate(plan(request), gate);
    }
    UpgradePackageResult result = AppupCompiler.upgradePackage(request, outputDirectory.toPath(), signingKey());
    result.plan().paths().forEach(p -> getLog().info("Relup " + p.fromVersion() + " <-> "
        + p.toVersion() + ": " + p.up().steps().size() + " step(s) up, "
        + p.down().steps().size() + " down"));
    getLog().info("Upgrade package " + result.tarball());
    getLog().info("Checksum " + result.checksum());
    result.signature().ifPresentOrElse(sig -> getLog().info("Signature " + sig),
        () -> getLog().warn("The upgrade package is not signed: a node whose release trusts keys "
            + "(rel/trusted-keys/) will refuse it. Sign it with -Dmolt.signingKey=<private key> or "
            + Signatures.SIGNING_KEY_ENV + "=<private key>; see docs/signing.md"));
    if (attach) {
      projectHelper.attachArtifact(project, UpfromResolver.TARBALL_TYPE, CLASSIFIER, result.tarball().toFile());
      result.signature().ifPresent(sig -> projectHelper.attachArtifact(project,
          UpfromResolver.TARBALL_TYPE + ".sig", CLASSIFIER, sig.toFile()));
    }
  }

  /** {@code molt.signingKey}, else the file the environment names, else none. */
  private Optional<Path> signingKey() {
    if (signingKey != null) {
      return Optional.of(signingKey.toPath());
    }
    return Optional.ofNullable(System.getenv(Signatures.SIGNING_KEY_ENV)).filter(v -> !v.isBlank()).map(Path::of);
  }
}
