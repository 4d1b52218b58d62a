package dev.molt.maven;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Plan;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code molt:plan}, {@code molt:appup} and {@code molt:upgrade-package} share: the earlier
 * releases ({@code molt.upfrom}), the new release ({@code molt.to}), the overrides in {@code
 * rel/appups/} and the CI gate ({@code molt.failOn}). Parameters are null only when not set.
 */
abstract class AbstractUpgradeMojo extends AbstractMoltMojo {

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * The earlier releases to upgrade from, comma-separated; each a release tarball, a release root
   * directory ({@code target/rel/<name>} of an earlier build, or an installed node), or {@code
   * groupId:artifactId:version} of a tarball that {@code molt:release} attached (type {@code
   * tar.gz}, classifier {@code release}), resolved from the Maven repositories.
   */
  @Parameter(property = "molt.upfrom")
  String upfrom;

  /**
   * The new release: a release root or tarball. Defaults to {@code <outputDirectory>/rel/<name>},
   * the release {@code molt:release} just built.
   */
  @Parameter(property = "molt.to")
  File to;

  /** Where {@code molt:release} wrote the release; the default {@code to} is under it. */
  @Parameter(property = "molt.outputDirectory", defaultValue = "${project.build.directory}", required = true)
  File outputDirectory;

  /**
   * A CI gate: fail the build, writing nothing, when the plan needs this step or a more disruptive
   * one: {@code update} (also add/remove_application), {@code restart} (restart_application) or
   * {@code restart_jvm}.
   */
  @Parameter(property = "molt.failOn")
  String failOn;

  /** Skips the goal (the same switch as {@code molt:release}). */
  @Parameter(property = "molt.skip", defaultValue = "false")
  boolean skip;

  final RepositorySystem repositorySystem;

  AbstractUpgradeMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /** The goal's name as typed on the command line, for messages. */
  abstract String goal();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping " + goal() + " (molt.skip=true)");
      return;
    }
    Optional<Gate> gate = gate();
    PlanRequest request = request();
    try {
      run(request, gate);
    } catch (AppupException e) {
      throw new MojoFailureException(inMavenTerms(e.getMessage()));
    }
  }

  /** The compiler speaks of its CLI options; say which Maven parameters they are. */
  static String inMavenTerms(String message) {
    boolean from = message.contains("--from");
    boolean to = message.contains("--to");
    if (!from && !to) {
      return message;
    }
    return message + " (" + (from ? "--from is -Dmolt.upfrom" : "") + (from && to ? ", " : "")
        + (to ? "--to is -Dmolt.to" : "") + ")";
  }

  /** Does the goal's work; the request is complete and checked. */
  abstract void run(PlanRequest request, Optional<Gate> gate)
      throws AppupException, MojoExecutionException, MojoFailureException;

  /**
   * Fails the build, listing the offending steps, when {@code plan} needs a step {@code gate}
   * forbids; the caller writes nothing then.
   */
  void checkGate(Plan plan, Optional<Gate> gate) throws MojoFailureException {
    if (gate.isEmpty()) {
      return;
    }
    List<String> violations = plan.violations(gate.get());
    if (violations.isEmpty()) {
      getLog().info("The plan passes molt.failOn=" + gate.get().cli());
      return;
    }
    violations.forEach(v -> getLog().error("  " + v));
    throw new MojoFailureException("the upgrade plan fails molt.failOn=" + gate.get().cli() + " ("
        + violations.size() + " step(s), listed above), so nothing was written; write an override "
        + "in " + relative(overridesDirectory()) + "/<app>/<from>-<to>.json, or relax molt.failOn");
  }

  /** Compiles the plan of {@code request}. */
  Plan plan(PlanRequest request) throws AppupException {
    return AppupCompiler.plan(request);
  }

  PlanRequest request() throws MojoFailureException {
    List<Path> from = new UpfromResolver(project, session, repositorySystem, getLog())
        .resolve(upfrom, goal());
    return new PlanRequest(from, newRelease(), Optional.of(overridesDirectory()).filter(Files::isDirectory));
  }

  Path overridesDirectory() {
    return relDirectory.toPath().resolve("appups");
  }

  /** {@code path} relative to the project's folder when it is inside it, for short messages. */
  String relative(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path abs = path.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  private Path newRelease() throws MojoFailureException {
    if (to != null) {
      Path given = to.toPath();
      if (!Files.exists(given)) {
        throw new MojoFailureException("molt.to=" + given + " does not exist; pass the new release's "
            + "root directory or tarball, or leave molt.to unset to use target/rel/<name>");
      }
      return given;
    }
    Path built = outputDirectory.toPath().resolve("rel").resolve(releaseName());
    if (!Files.isDirectory(built)) {
      throw new MojoFailureException("no release at " + relative(built) + " to upgrade to; build it "
          + "first in the same command (" + ReleaseBinding.prodBuild(project) + " " + goal()
          + " ...) or pass "
          + "-Dmolt.to=<release directory or tarball>");
    }
    return built;
  }

  private Optional<Gate> gate() throws MojoFailureException {
    if (failOn == null || failOn.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Gate.parse(failOn.trim()));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("molt.failOn: " + e.getMessage());
    }
  }
}
