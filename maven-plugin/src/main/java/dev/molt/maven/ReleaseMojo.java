package dev.molt.maven;

import dev.molt.release.AppInput;
import dev.molt.release.KernelInput;
import dev.molt.release.ReleaseBuildException;
import dev.molt.release.ReleaseBuilder;
import dev.molt.release.ReleaseRequest;
import dev.molt.release.ReleaseResult;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * {@code molt:release} assembles {@code target/rel/<name>/} from the project's jar, its runtime
 * dependencies (each its own versioned app, wired by the resolved dependency graph) and the kernel
 * this plugin ships; outside dev mode also {@code target/<name>-<version>.tar.gz} and its {@code
 * .sha256}, the tarball attached to the project (type {@code tar.gz}, classifier {@code release}) so
 * that install and deploy publish it and {@code molt.upfrom=groupId:artifactId:version} finds it
 * again. Maven creates one instance per execution; parameters are never null once Maven has
 * injected them, except the optional {@code mainClass}, {@code name} and {@code jdkHome}.
 */
@Mojo(
    name = "release",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ReleaseMojo extends AbstractMoltMojo {

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  private final ProjectDependenciesResolver dependenciesResolver;
  private final MavenProjectHelper projectHelper;

  /**
   * The class that starts the application: an implementation of {@code dev.molt.api.Application}
   * or a class with {@code main(String[])}. Defaults to the Main-Class of the jar manifest.
   */
  @Parameter(property = "molt.mainClass")
  String mainClass;

  /** The environment of rel/molt.json to build: {@code dev} (symlinks, no tarball) or {@code prod}. */
  @Parameter(property = "molt.env", defaultValue = "dev", required = true)
  String env;

  /** Where the release ({@code rel/<name>/}) and the tarball are written. */
  @Parameter(
      property = "molt.outputDirectory",
      defaultValue = "${project.build.directory}",
      required = true)
  File outputDirectory;

  /** The JDK whose jlink makes the embedded runtime; defaults to the JDK running Maven. */
  @Parameter(property = "molt.jdkHome")
  File jdkHome;

  /** Skips the goal. */
  @Parameter(property = "molt.skip", defaultValue = "false")
  boolean skip;

  /** Attach the tarball to the project (type tar.gz, classifier release) when one is written. */
  @Parameter(property = "molt.attach", defaultValue = "true")
  boolean attach;

  /**
   * Maven (Sisu) injects the resolver that reads the dependency graph and the helper that attaches
   * the tarball.
   */
  @Inject
  public ReleaseMojo(ProjectDependenciesResolver dependenciesResolver, MavenProjectHelper projectHelper) {
    this.dependenciesResolver = dependenciesResolver;
    this.projectHelper = projectHelper;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping molt:release (molt.skip=true)");
      return;
    }
    ReproducibleJars.check(project, getLog());
    ReleaseRequest request;
    ReleaseResult result;
    try {
      request = request();
      result = new ReleaseBuilder(getLog()::info).build(request);
    } catch (ReleaseBuildException e) {
      throw new MojoFailureException(e.getMessage());
    }
    getLog().info("Release " + request.name() + " " + request.version() + " (" + env + ") in "
        + result.releaseDir());
    result.tarball().ifPresent(t -> getLog().info("Tarball " + t));
    if (attach) {
      result.tarball().ifPresent(t -> projectHelper.attachArtifact(project,
          UpfromResolver.TARBALL_TYPE, UpfromResolver.TARBALL_CLASSIFIER, t.toFile()));
    }
    result.checksum().ifPresent(c -> getLog().info("Checksum " + c));
  }

  private ReleaseRequest request()
      throws MojoFailureException, MojoExecutionException, ReleaseBuildException {
    Map<String, Set<String>> edges = new DependencyEdges(project, session, dependenciesResolver).edges();
    RepackagedJars.Source source = RepackagedJars.plain(
        project, Optional.ofNullable(mainClass).filter(c -> !c.isBlank()), getLog());
    List<AppInput> apps =
        new ProjectApps(source.project(), getLog()).apps(source.mainClass(), edges);
    KernelInput kernel = KernelArtifacts.kernel(plugin);
    return new ReleaseRequest(
        releaseName(),
        project.getVersion(),
        env,
        relDirectory.toPath(),
        outputDirectory.toPath(),
        apps,
        kernel,
        Optional.ofNullable(jdkHome).map(File::toPath));
  }
}
