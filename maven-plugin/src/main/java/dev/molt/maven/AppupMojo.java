package dev.molt.maven;

import dev.molt.appup.PlanRequest;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.override.Overrides;
import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.format.Appup;
import dev.molt.format.UpgradeFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code molt:appup} writes the generated appup of every app that has instructions to {@code
 * rel/appups/<app>/<from>-<to>.json}, for review and editing; an edited file there overrides the
 * generated appup in {@code molt:plan} and {@code molt:upgrade-package}. The plan is compiled
 * without the existing overrides, so what is written is always the generated appup. A file that
 * already exists is kept unless {@code -Dmolt.force=true}. Maven creates one instance per execution.
 */
@Mojo(name = "appup", threadSafe = true)
public class AppupMojo extends AbstractUpgradeMojo {

  /** Overwrite appups that already exist in {@code rel/appups/} (hand edits are lost). */
  @Parameter(property = "molt.force", defaultValue = "false")
  boolean force;

  /** Maven (Sisu) injects the repository system that resolves {@code groupId:artifactId:version}. */
  @Inject
  public AppupMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  String goal() {
    return "molt:appup";
  }

  @Override
  void run(PlanRequest request, Optional<Gate> gate)
      throws AppupException, MojoExecutionException, MojoFailureException {
    // Generated appups only: an existing override must not be copied back over itself.
    Plan plan = plan(PlanRequest.of(request.from(), request.to()));
    checkGate(plan, gate);
    List<Appup> appups = new ArrayList<>();
    for (UpgradePath path : plan.paths()) {
      path.apps().stream().map(AppPlan::appup).flatMap(Optional::stream).forEach(appups::add);
    }
    Path dir = overridesDirectory();
    int kept = 0;
    for (Appup appup : appups) {
      Path file = Overrides.file(dir, appup.app(), appup.from(), appup.to());
      if (Files.exists(file) && !force) {
        getLog().info("kept  " + relative(file) + " (exists, not overwritten; -Dmolt.force=true overwrites it)");
        kept++;
        continue;
      }
      write(file, appup);
      getLog().info("wrote " + relative(file));
    }
    getLog().info(appups.isEmpty()
        ? "No app has instructions between these releases; nothing to write"
        : (appups.size() - kept) + " appup(s) written, " + kept + " kept in " + relative(dir));
  }

  private static void write(Path file, Appup appup) throws MojoExecutionException {
    try {
      UpgradeFormats.writeAppup(file, appup);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage()
          + "; check that the folder is writable", e);
    }
  }
}
