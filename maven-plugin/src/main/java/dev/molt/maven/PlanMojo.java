package dev.molt.maven;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.report.UnchangedApps;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code molt:plan} prints the upgrade plan for humans, the same text as {@code molt-appup plan}:
 * per earlier release and app, what changes, which instruction, why, and the risk. With {@code
 * -Dmolt.failOn=update|restart|restart_jvm} it fails the build when the plan needs such a step (a
 * CI gate). Apps left unchanged are counted on one line; {@code -Dmolt.verbose} lists them. Writes
 * nothing. Maven creates one instance per execution.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractUpgradeMojo {

  /** Lists every unchanged app with its version instead of their number (the CLI's {@code --verbose}). */
  @Parameter(property = "molt.verbose", defaultValue = "false")
  boolean verbose;

  /** Maven (Sisu) injects the repository system that resolves {@code groupId:artifactId:version}. */
  @Inject
  public PlanMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  String goal() {
    return "molt:plan";
  }

  @Override
  void run(PlanRequest request, Optional<Gate> gate) throws AppupException, MojoFailureException {
    Plan plan = plan(request);
    AppupCompiler.describe(plan,
            verbose ? UnchangedApps.list() : UnchangedApps.count("-Dmolt.verbose"))
        .lines().forEach(getLog()::info);
    checkGate(plan, gate);
  }
}
