package dev.molt.release.cli;

import dev.molt.release.AppInput;
import dev.molt.release.KernelInput;
import dev.molt.release.KernelJars;
import dev.molt.release.MavenTreeInputs;
import dev.molt.release.ReleaseBuilder;
import dev.molt.release.ReleaseRequest;
import dev.molt.release.ReleaseResult;
import dev.molt.release.ReleaseBuildException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code molt release}: builds a release from a TGF dependency tree and copied jars. */
@Command(name = "release",
    description = "Builds <out>/rel/<name>/ and, unless the environment is in dev mode, "
        + "<out>/<name>-<version>.tar.gz with a .sha256 beside it.")
final class ReleaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rel", defaultValue = "rel", description = "the rel/ folder (default: ${DEFAULT-VALUE})")
  Path rel;

  @Option(names = "--tree", required = true,
      description = "output of mvn dependency:tree -DoutputType=tgf -Dscope=runtime -DoutputFile=...")
  Path tree;

  @Option(names = "--lib", required = true,
      description = "output folder of mvn dependency:copy-dependencies -DincludeScope=runtime")
  Path lib;

  @Option(names = "--app-jar", required = true, description = "the application's jar")
  Path appJar;

  @Option(names = "--main-class", description = "the entry class (default: the jar's Main-Class)")
  Optional<String> mainClass;

  @Option(names = "--name", description = "release name (default: molt.json name, else the artifactId)")
  Optional<String> name;

  @Option(names = "--version", description = "release version (default: the application's version)")
  Optional<String> version;

  @Option(names = "--env", defaultValue = "dev", description = "environment of molt.json (default: ${DEFAULT-VALUE})")
  String env;

  @Option(names = "--out", defaultValue = "target", description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--jdk", description = "the JDK whose jlink/jdeps make the runtime (default: the running one)")
  Optional<Path> jdk;

  @Option(names = "--kernel", description = "folder with the kernel jars (default: this tool's class path)")
  Optional<Path> kernel;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    List<AppInput> apps = MavenTreeInputs.read(tree, lib, appJar, mainClass);
    KernelInput kernelInput = kernel.isPresent() ? KernelJars.fromDirectory(kernel.get()) : defaultKernel();
    String releaseName = name.isPresent() ? name.get()
        : ReleaseBuilder.configuredName(rel).orElse(apps.get(0).name());
    ReleaseRequest request = new ReleaseRequest(releaseName, version.orElse(apps.get(0).version()),
        env, rel, out, apps, kernelInput, jdk);
    ReleaseResult result = new ReleaseBuilder(err::println).build(request);
    PrintWriter o = spec.commandLine().getOut();
    o.println("release: " + result.releaseDir());
    result.tarball().ifPresent(t -> o.println("tarball: " + t));
    result.checksum().ifPresent(c -> o.println("sha256:  " + c));
    return 0;
  }

  /** The kernel on this tool's class path, else in kernel/ beside the CLI jar (the distribution). */
  private static KernelInput defaultKernel() throws ReleaseBuildException {
    try {
      return KernelJars.fromClassPath(System.getProperty("java.class.path"));
    } catch (ReleaseBuildException e) {
      try {
        Path jar = Path.of(MoltCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = jar.resolveSibling("kernel");
        if (Files.isDirectory(dir)) {
          return KernelJars.fromDirectory(dir);
        }
      } catch (URISyntaxException | RuntimeException ignored) {
        // No usable location of our own jar: report the class path problem below.
      }
      throw e;
    }
  }
}
