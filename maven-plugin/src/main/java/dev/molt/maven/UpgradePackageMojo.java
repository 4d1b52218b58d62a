package dev.molt.maven;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.UpgradePackageResult;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.plan.Gate;
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
 * and checksums. Identical inputs give identical bytes; a failure leaves nothing behind. The
 * package is attached to the project (type {@code tar.gz}, classifier {@code upgrade}). Maven
 * creates one instance per execution.
 */
@Mojo(name = "upgrade-package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UpgradePackageMojo extends AbstractUpgradeMojo {
  /** The classifier of the attached upgrade package. */
  static final String CLASSIFIER = "upgrade";

  /** Attach the upgrade package to the project, so install and deploy publish it. */
  @Parameter(property = "molt.attach", defaultValue = "true")
  boolean attach;

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
    UpgradePackageResult result = AppupCompiler.upgradePackage(request, outputDirectory.toPath());
    result.plan().paths().forEach(p -> getLog().info("Relup " + p.fromVersion() + " <-> "
        + p.toVersion() + ": " + p.up().steps().size() + " step(s) up, "
        + p.down().steps().size() + " down"));
    getLog().info("Upgrade package " + result.tarball());
    getLog().info("Checksum " + result.checksum());
    if (attach) {
      projectHelper.attachArtifact(project, UpfromResolver.TARBALL_TYPE, CLASSIFIER, result.tarball().toFile());
    }
  }
}
